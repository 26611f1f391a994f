#include "weights/sha256.h"

extern "C"
{
#include <libavutil/mem.h>
#include <libavutil/sha.h>
}

#include <algorithm>
#include <stdexcept>

namespace lvc
{

std::string
Sha256Hex(const std::uint8_t* data, std::size_t size)
{
    AVSHA* sha = av_sha_alloc();
    if (!sha || av_sha_init(sha, 256) != 0)
    {
        av_free(sha);
        throw std::runtime_error("sha256: libavutil could not start a hash");
    }
    const std::size_t kBlock = 1U << 30;
    for (std::size_t at = 0; at < size; at += kBlock)
    {
        av_sha_update(sha, data + at, static_cast<unsigned>(std::min(kBlock, size - at)));
    }
    std::uint8_t digest[32];
    av_sha_final(sha, digest);
    av_free(sha);
    static const char* kHex = "0123456789abcdef";
    std::string hex;
    for (std::uint8_t b : digest)
    {
        hex += kHex[b >> 4];
        hex += kHex[b & 15];
    }
    return hex;
}

} // namespace lvc
