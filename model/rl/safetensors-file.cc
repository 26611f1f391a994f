#include "safetensors-file.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ns3
{

namespace
{
constexpr std::size_t kLengthBytes = 8;                // the header length's own size
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000; // the Python library's limit
constexpr std::size_t kFloatBytes = 4;
constexpr std::size_t kHeaderAlignment = 8; // the Python library pads the header to 8 bytes
const char* const kMetadataKey = "__metadata__";

std::uint64_t
ReadU64(const std::string& bytes)
{
    std::uint64_t v = 0;
    for (std::size_t i = kLengthBytes; i-- > 0;)
    {
        v = (v << 8) | static_cast<unsigned char>(bytes[i]);
    }
    return v;
}

void
AppendU64(std::string& out, std::uint64_t v)
{
    for (std::size_t i = 0; i < kLengthBytes; ++i)
    {
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
}

float
ReadF32(const char* p)
{
    std::uint32_t bits = 0;
    for (std::size_t i = kFloatBytes; i-- > 0;)
    {
        bits = (bits << 8) | static_cast<unsigned char>(p[i]);
    }
    float v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

void
AppendF32(std::string& out, float v)
{
    std::uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (std::size_t i = 0; i < kFloatBytes; ++i)
    {
        out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
    }
}

/// One tensor's header entry, checked.
struct Entry
{
    std::string name;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

Entry
ReadEntry(const std::string& file,
          const std::string& key,
          const nlohmann::json& value,
          std::uint64_t data_bytes)
{
    auto fail = [&](const std::string& field, const std::string& what) {
        throw InputError::AtField(file, key + "." + field, what);
    };
    if (!value.is_object())
    {
        throw InputError::AtField(file, key, "not an object");
    }
    Entry e;
    e.name = key;
    auto dtype = value.find("dtype");
    if (dtype == value.end() || !dtype->is_string())
    {
        fail("dtype", "missing or not a string");
    }
    if (dtype->get<std::string>() != "F32")
    {
        fail("dtype", "'" + dtype->get<std::string>() + "' is not supported (F32 only)");
    }
    auto shape = value.find("shape");
    if (shape == value.end() || !shape->is_array())
    {
        fail("shape", "missing or not an array");
    }
    std::uint64_t count = 1;
    for (const auto& d : *shape)
    {
        if (!d.is_number_unsigned())
        {
            fail("shape", "dimensions must be integers >= 0");
        }
        std::uint64_t n = d.get<std::uint64_t>();
        if (n > 0 && count > data_bytes / kFloatBytes / n)
        {
            fail("shape", "more elements than the file holds");
        }
        count *= n;
        e.shape.push_back(static_cast<std::int64_t>(n));
    }
    auto offsets = value.find("data_offsets");
    if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 ||
        !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
    {
        fail("data_offsets", "must be two integers [begin, end]");
    }
    e.begin = (*offsets)[0].get<std::uint64_t>();
    e.end = (*offsets)[1].get<std::uint64_t>();
    if (e.begin > e.end || e.end > data_bytes)
    {
        fail("data_offsets", "outside the file's data");
    }
    if (e.end - e.begin != count * kFloatBytes)
    {
        fail("data_offsets", "byte range does not match the shape");
    }
    return e;
}
} // namespace

SafetensorsFile
SafetensorsFile::Load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw InputError::InFile(path, "cannot open");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return Parse(bytes.str(), path);
}

SafetensorsFile
SafetensorsFile::Parse(const std::string& bytes, const std::string& name)
{
    if (bytes.size() < kLengthBytes)
    {
        throw InputError::InFile(name, "too short for a safetensors file");
    }
    std::uint64_t header_bytes = ReadU64(bytes);
    if (header_bytes > kMaxHeaderBytes || header_bytes > bytes.size() - kLengthBytes)
    {
        throw InputError::AtField(name, "header length", "larger than the file");
    }
    nlohmann::json header;
    try
    {
        header = nlohmann::json::parse(bytes.begin() + kLengthBytes,
                                       bytes.begin() + kLengthBytes + header_bytes);
    }
    catch (const nlohmann::json::exception& e)
    {
        throw InputError::AtField(name, "header", std::string("not JSON: ") + e.what());
    }
    if (!header.is_object())
    {
        throw InputError::AtField(name, "header", "not a JSON object");
    }
    const std::uint64_t data_bytes = bytes.size() - kLengthBytes - header_bytes;
    const char* data = bytes.data() + kLengthBytes + header_bytes;

    SafetensorsFile file;
    std::vector<Entry> entries;
    for (const auto& [key, value] : header.items())
    {
        if (key == kMetadataKey)
        {
            if (!value.is_object())
            {
                throw InputError::AtField(name, kMetadataKey, "not an object");
            }
            for (const auto& [mkey, mvalue] : value.items())
            {
                if (!mvalue.is_string())
                {
                    throw InputError::AtField(name,
                                              std::string(kMetadataKey) + "." + mkey,
                                              "not a string");
                }
                file.metadata[mkey] = mvalue.get<std::string>();
            }
            continue;
        }
        entries.push_back(ReadEntry(name, key, value, data_bytes));
    }
    // The byte ranges must tile the data exactly (as the Python library requires).
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::uint64_t covered = 0;
    for (const Entry& e : entries)
    {
        if (e.begin != covered)
        {
            throw InputError::AtField(name,
                                      e.name + ".data_offsets",
                                      e.begin < covered ? "overlaps another tensor"
                                                        : "leaves a gap before it");
        }
        covered = e.end;
    }
    if (covered != data_bytes)
    {
        throw InputError::AtField(name, "data", "bytes after the last tensor");
    }
    for (const Entry& e : entries)
    {
        Float32Tensor t;
        t.shape = e.shape;
        t.values.resize((e.end - e.begin) / kFloatBytes);
        for (std::size_t i = 0; i < t.values.size(); ++i)
        {
            t.values[i] = ReadF32(data + e.begin + i * kFloatBytes);
        }
        file.tensors[e.name] = std::move(t);
    }
    return file;
}

std::string
SafetensorsFile::Serialize() const
{
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
    {
        header[kMetadataKey] = metadata;
    }
    std::string data;
    for (const auto& [key, t] : tensors)
    {
        std::uint64_t count = 1;
        for (std::int64_t d : t.shape)
        {
            count *= static_cast<std::uint64_t>(d);
        }
        if (count != t.values.size())
        {
            throw std::invalid_argument("safetensors: tensor " + key +
                                        ": shape does not match its values");
        }
        std::uint64_t begin = data.size();
        for (float v : t.values)
        {
            AppendF32(data, v);
        }
        header[key] = {{"dtype", "F32"},
                       {"shape", t.shape},
                       {"data_offsets", {begin, static_cast<std::uint64_t>(data.size())}}};
    }
    std::string text = header.dump();
    text.append((kHeaderAlignment - text.size() % kHeaderAlignment) % kHeaderAlignment, ' ');
    std::string out;
    AppendU64(out, text.size());
    out += text;
    out += data;
    return out;
}

void
SafetensorsFile::Save(const std::string& path) const
{
    std::string bytes = Serialize();
    std::string temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out)
        {
            throw InputError::InFile(path, "cannot write");
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
    {
        throw InputError::InFile(path, "cannot write: " + error.message());
    }
}

const Float32Tensor&
SafetensorsFile::Get(const std::string& name, const std::string& file) const
{
    auto it = tensors.find(name);
    if (it == tensors.end())
    {
        throw InputError::AtField(file, name, "missing");
    }
    return it->second;
}

} // namespace ns3
