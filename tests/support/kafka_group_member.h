#pragma once
// A consumer-group member that speaks Kafka's classic group protocol itself, over a plain
// socket, one request at a time. librdkafka runs a rebalance to its end on its own; this
// member lets a test stop a rebalance at a chosen step, e.g. be the group's leader and
// never send the assignment (SyncGroup), so the other members wait between JoinGroup and
// SyncGroup for as long as the test wants.
//
// Versions used (all non-flexible, all served by Kafka 3.x and 4.x): FindCoordinator v2,
// JoinGroup v5, SyncGroup v3, Heartbeat v3.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace hallyu::testing {

// The answer to a JoinGroup request.
struct JoinGroupAnswer {
  int16_t error = -1;  // Kafka error code; 0 = none; -1 = no answer (connection, parse)
  int32_t generation = -1;
  std::string leader;
  std::string member_id;                // this member's id
  std::vector<std::string> member_ids;  // every member (only the leader gets the list)
};

class KafkaGroupMember {
 public:
  // `bootstrap` is "host:port[,host:port...]"; the first address is used to find the
  // coordinator of `group`. `topic` is the subscription sent in the member's metadata.
  KafkaGroupMember(std::string bootstrap, std::string group, std::string topic,
                   std::chrono::milliseconds session_timeout);
  ~KafkaGroupMember();
  KafkaGroupMember(const KafkaGroupMember&) = delete;
  KafkaGroupMember& operator=(const KafkaGroupMember&) = delete;

  // Finds the group's coordinator and connects to it. Returns "" or what went wrong.
  std::string Connect(std::chrono::milliseconds timeout);

  // Sends JoinGroup with protocol "cooperative-sticky" and waits for the answer (the broker
  // answers once every member has joined, so this can take up to the rebalance timeout).
  // Repeats the request once with the assigned id when the broker asks for one
  // (MEMBER_ID_REQUIRED). Keeps the member id for later requests.
  JoinGroupAnswer Join(std::chrono::milliseconds timeout);

  // Sends SyncGroup for `generation`; as leader, gives every partition to nobody (an empty
  // assignment for each of `members`). Returns the Kafka error code, -1 when no answer.
  int16_t Sync(int32_t generation, const std::vector<std::string>& members,
               std::chrono::milliseconds timeout);

  // Sends a heartbeat for `generation`. Returns the Kafka error code (27 =
  // REBALANCE_IN_PROGRESS: another member joined), -1 when no answer.
  int16_t Heartbeat(int32_t generation, std::chrono::milliseconds timeout);

  // Closes the connection (the broker then drops the member after its session timeout).
  void Close();

 private:
  // Sends one request (header v1) and reads its answer's body into *body. "" or an error.
  std::string RoundTrip(int16_t api_key, int16_t version, const std::string& request,
                        std::chrono::milliseconds timeout, std::string* body);

  std::string bootstrap_, group_, topic_;
  std::chrono::milliseconds session_timeout_;
  std::string member_id_;
  int fd_ = -1;
  int32_t correlation_ = 0;
};

}  // namespace hallyu::testing
