// SHA-256 of bytes (libavutil's), the weights identity that bitstreams record.
#ifndef LVC_WEIGHTS_SHA256_H
#define LVC_WEIGHTS_SHA256_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace lvc
{

/// SHA-256 of bytes, as 64 lowercase hex digits.
std::string Sha256Hex(const std::uint8_t* data, std::size_t size);

} // namespace lvc

#endif // LVC_WEIGHTS_SHA256_H
