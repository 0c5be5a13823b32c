#include "planner/core/sha256.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <fstream>
#include <vector>

namespace planner {
std::string sha256_hex(std::string_view bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}
std::optional<std::string> sha256_hex_of_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    std::vector<char> buffer(size_t{1} << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        engine.update(buffer.data(), static_cast<unsigned>(in.gcount()));
    }
    if (in.bad())
        return std::nullopt;
    return Poco::DigestEngine::digestToHex(engine.digest());
}
} // namespace planner
