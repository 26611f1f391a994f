#include "json-field-reader.h"

#include "input-error.h"

#include <cmath>
#include <cstdio>

namespace ns3
{

namespace
{
std::string
Printable(const std::string& text)
{
    std::string out;
    for (unsigned char c : text)
    {
        if (c >= 0x20 && c < 0x7f)
        {
            out += static_cast<char>(c);
        }
        else
        {
            char hex[5];
            std::snprintf(hex, sizeof(hex), "\\x%02X", c);
            out += hex;
        }
    }
    return out;
}
} // namespace

nlohmann::json
ParseJsonDocument(std::string_view text,
                  const std::string& file,
                  const std::string& what,
                  bool text_file)
{
    try
    {
        return nlohmann::json::parse(text.begin(), text.end());
    }
    catch (const nlohmann::json::parse_error& e)
    {
        if (!text_file)
        {
            throw InputError::InFile(file, what + ": " + Printable(e.what()));
        }
        std::size_t line = 1;
        for (std::size_t i = 0; i < e.byte && i < text.size(); ++i)
        {
            line += text[i] == '\n';
        }
        throw InputError::AtLine(file, line, what + ": " + Printable(e.what()));
    }
    catch (const nlohmann::json::exception& e)
    {
        throw InputError::InFile(file, what + ": " + Printable(e.what())); // e.g. 1e999
    }
}

JsonFieldReader::JsonFieldReader(const std::string& file)
    : m_file(file)
{
}

const JsonFieldReader::Json&
JsonFieldReader::Get(const Json& obj, const std::string& path, const char* key) const
{
    auto it = obj.find(key);
    if (it == obj.end())
    {
        throw InputError::AtField(m_file, Join(path, key), "missing");
    }
    return *it;
}

bool
JsonFieldReader::Has(const Json& obj, const char* key) const
{
    return obj.contains(key);
}

double
JsonFieldReader::Number(const Json& obj, const std::string& path, const char* key) const
{
    const Json& v = Get(obj, path, key);
    if (!v.is_number())
    {
        throw InputError::AtField(m_file, Join(path, key), "not a number");
    }
    double d = v.get<double>();
    if (!std::isfinite(d))
    {
        throw InputError::AtField(m_file, Join(path, key), "not a finite number");
    }
    return d;
}

double
JsonFieldReader::NumberOr(const Json& obj,
                          const std::string& path,
                          const char* key,
                          double fallback) const
{
    return Has(obj, key) ? Number(obj, path, key) : fallback;
}

std::uint64_t
JsonFieldReader::Integer(const Json& obj, const std::string& path, const char* key) const
{
    const Json& v = Get(obj, path, key);
    if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<std::int64_t>() < 0))
    {
        throw InputError::AtField(m_file, Join(path, key), "must be a whole number >= 0");
    }
    return v.get<std::uint64_t>();
}

std::string
JsonFieldReader::String(const Json& obj, const std::string& path, const char* key) const
{
    const Json& v = Get(obj, path, key);
    if (!v.is_string())
    {
        throw InputError::AtField(m_file, Join(path, key), "not a string");
    }
    return v.get<std::string>();
}

std::string
JsonFieldReader::StringOr(const Json& obj, const std::string& path, const char* key) const
{
    return Has(obj, key) ? String(obj, path, key) : std::string();
}

const JsonFieldReader::Json&
JsonFieldReader::Object(const Json& obj, const std::string& path, const char* key) const
{
    const Json& v = Get(obj, path, key);
    if (!v.is_object())
    {
        throw InputError::AtField(m_file, Join(path, key), "not an object");
    }
    return v;
}

const JsonFieldReader::Json&
JsonFieldReader::Array(const Json& obj, const std::string& path, const char* key) const
{
    const Json& v = Get(obj, path, key);
    if (!v.is_array())
    {
        throw InputError::AtField(m_file, Join(path, key), "not an array");
    }
    return v;
}

void
JsonFieldReader::Fail(const std::string& field, const std::string& what) const
{
    throw InputError::AtField(m_file, field, what);
}

std::string
JsonFieldReader::Join(const std::string& path, const char* key)
{
    return path.empty() ? std::string(key) : path + "." + key;
}

} // namespace ns3
