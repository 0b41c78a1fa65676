#pragma once
// Reading a command's input (a file or stdin) with a size cap, for `hallyu detect` and
// `hallyu inspect page`. Never throws: a directory, an unreadable file, a read error or
// an input over the cap (e.g. /dev/zero) is a message for the user, not an abort.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>

namespace hallyu {

// Reads `path` ("-" for stdin) into *out, at most `max_bytes` bytes. Returns "" on
// success, else why not: "<path>: is a directory", "<path>: larger than N bytes",
// "<path>: <system error>". Reads in 64 KiB steps, so an endless input costs at most
// max_bytes of memory.
inline std::string ReadBoundedInput(const std::string& path, std::size_t max_bytes,
                                    std::string* out) {
  out->clear();
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? std::string("stdin") : path;
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return name + ": " + std::strerror(errno);
  std::string error;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    error = name + ": is a directory";
  } else {
    char buf[64 * 1024];
    while (true) {
      const ssize_t n = ::read(fd, buf, sizeof(buf));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = name + ": " + std::strerror(errno);
        break;
      }
      if (n == 0) break;
      if (static_cast<std::size_t>(n) > max_bytes - out->size()) {
        error = name + ": larger than " + std::to_string(max_bytes) + " bytes";
        break;
      }
      out->append(buf, static_cast<std::size_t>(n));
    }
  }
  if (!is_stdin) ::close(fd);
  if (!error.empty()) out->clear();
  return error;
}

}  // namespace hallyu
