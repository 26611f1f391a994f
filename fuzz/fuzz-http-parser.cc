// libFuzzer target: the HTTP/1.1 parser of the ns-3 client and server, fed a byte stream split
// anywhere. Byte 0 picks requests or responses and seeds the split sizes; the rest is the stream.
// The parser must never crash or stop making progress, and what it reads must not depend on how
// TCP happened to cut the stream: every split gives the messages (heads re-serialised, body
// lengths), the final state and the error of the stream fed in one piece.
#include "ns3/http-parser.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace
{

struct Outcome
{
    std::string messages; ///< each complete message's head as re-serialised, and body bytes
    ns3::HttpParser::State state = ns3::HttpParser::State::Head;
    std::string error;
};

/// Feeds `data` in pieces of 1 + (next pseudo-random byte % max_piece) bytes (whole when 0).
Outcome
Parse(ns3::HttpParser::Kind kind, const std::uint8_t* data, std::size_t size, std::uint8_t seed)
{
    ns3::HttpParser parser(kind, 256); // a small head limit: the limit's path is fuzzed too
    Outcome out;
    std::uint32_t state = seed * 2654435761u + 1;
    std::size_t pos = 0;
    while (pos < size && parser.GetState() != ns3::HttpParser::State::Error)
    {
        std::size_t piece = size - pos;
        if (seed != 0)
        {
            state = state * 1103515245u + 12345u;
            piece = std::min<std::size_t>(piece, 1 + (state >> 16) % (seed % 17 + 1));
        }
        const std::size_t used = parser.Feed(data + pos, piece);
        pos += used;
        if (parser.GetState() == ns3::HttpParser::State::Complete)
        {
            out.messages += parser.GetMessage().SerializeHead() + "|" +
                            std::to_string(parser.GetBodyReceived()) + "\n";
            parser.Next();
        }
        else if (used == 0 && parser.GetState() != ns3::HttpParser::State::Error)
        {
            std::abort(); // no progress: a connection would hang here
        }
    }
    out.state = parser.GetState();
    out.error = parser.GetError();
    return out;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    const auto kind =
        data[0] & 1 ? ns3::HttpParser::Kind::Response : ns3::HttpParser::Kind::Request;
    const Outcome whole = Parse(kind, data + 1, size - 1, 0);
    const Outcome split = Parse(kind, data + 1, size - 1, data[0] | 1);
    if (whole.messages != split.messages || whole.state != split.state ||
        whole.error != split.error)
    {
        std::abort();
    }
    return 0;
}
