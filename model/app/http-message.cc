#include "http-message.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace ns3
{

namespace
{
const char* const kVideoPrefix = "/video/";
const char* const kContentLength = "Content-Length";

bool
EqualNoCase(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

/// Parses a decimal uint32 that fills [begin, end); false on anything else.
bool
ParseIndex(const std::string& text, std::size_t begin, std::size_t end, uint32_t& value)
{
    if (begin >= end || end - begin > 10)
    {
        return false;
    }
    uint64_t v = 0;
    for (std::size_t i = begin; i < end; ++i)
    {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
        {
            return false;
        }
        v = v * 10 + static_cast<uint64_t>(text[i] - '0');
    }
    if (v > std::numeric_limits<uint32_t>::max())
    {
        return false;
    }
    value = static_cast<uint32_t>(v);
    return true;
}
} // namespace

HttpMessage::HttpMessage() = default;

HttpMessage
HttpMessage::Request(const std::string& method, const std::string& target)
{
    HttpMessage m;
    m.m_request = true;
    m.m_method = method;
    m.m_target = target;
    return m;
}

HttpMessage
HttpMessage::Response(uint16_t code, const std::string& reason, uint64_t contentLength)
{
    HttpMessage m;
    m.m_statusCode = code;
    m.m_reason = reason;
    m.SetContentLength(contentLength);
    return m;
}

std::string
HttpMessage::VideoTarget(uint32_t chunk, uint32_t layer)
{
    return kVideoPrefix + std::to_string(chunk) + "/" + std::to_string(layer);
}

bool
HttpMessage::ParseVideoTarget(const std::string& target, uint32_t& chunk, uint32_t& layer)
{
    std::string prefix = kVideoPrefix;
    if (target.compare(0, prefix.size(), prefix) != 0)
    {
        return false;
    }
    std::size_t slash = target.find('/', prefix.size());
    if (slash == std::string::npos)
    {
        return false;
    }
    return ParseIndex(target, prefix.size(), slash, chunk) &&
           ParseIndex(target, slash + 1, target.size(), layer) && layer >= 1;
}

bool
HttpMessage::IsRequest() const
{
    return m_request;
}

const std::string&
HttpMessage::GetMethod() const
{
    return m_method;
}

const std::string&
HttpMessage::GetTarget() const
{
    return m_target;
}

const std::string&
HttpMessage::GetVersion() const
{
    return m_version;
}

uint16_t
HttpMessage::GetStatusCode() const
{
    return m_statusCode;
}

const std::string&
HttpMessage::GetReason() const
{
    return m_reason;
}

void
HttpMessage::AddHeader(const std::string& name, const std::string& value)
{
    m_headers.emplace_back(name, value);
}

std::string
HttpMessage::GetHeader(const std::string& name) const
{
    for (const auto& [field, value] : m_headers)
    {
        if (EqualNoCase(field, name))
        {
            return value;
        }
    }
    return "";
}

bool
HttpMessage::HasHeader(const std::string& name) const
{
    return std::any_of(m_headers.begin(), m_headers.end(), [&](const auto& h) {
        return EqualNoCase(h.first, name);
    });
}

const std::vector<std::pair<std::string, std::string>>&
HttpMessage::GetHeaders() const
{
    return m_headers;
}

uint64_t
HttpMessage::GetContentLength() const
{
    return m_contentLength;
}

void
HttpMessage::SetContentLength(uint64_t bytes)
{
    m_contentLength = bytes;
    for (auto& [field, value] : m_headers)
    {
        if (EqualNoCase(field, kContentLength))
        {
            value = std::to_string(bytes);
            return;
        }
    }
    m_headers.emplace_back(kContentLength, std::to_string(bytes));
}

std::string
HttpMessage::SerializeHead() const
{
    std::string head = m_request ? m_method + " " + m_target + " " + m_version
                                 : m_version + " " + std::to_string(m_statusCode) + " " + m_reason;
    head += "\r\n";
    for (const auto& [field, value] : m_headers)
    {
        head += field + ": " + value + "\r\n";
    }
    head += "\r\n";
    return head;
}

} // namespace ns3
