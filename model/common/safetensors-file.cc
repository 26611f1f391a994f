#include "safetensors-file.h"

#include "half-float.h"
#include "input-error.h"
#include "json-field-reader.h"
#include "text-input.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ns3
{

namespace
{

constexpr std::size_t kLengthBytes = 8;
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000; // as the Python library

std::uint64_t
ReadLittleEndian64(const std::uint8_t* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
    {
        v = (v << 8) | p[i];
    }
    return v;
}

} // namespace

std::size_t
DtypeSize(const std::string& dtype)
{
    if (dtype == "F32")
    {
        return 4;
    }
    if (dtype == "F16")
    {
        return 2;
    }
    if (dtype == "I64")
    {
        return 8;
    }
    if (dtype == "U8")
    {
        return 1;
    }
    return 0;
}

std::int64_t
SafeTensor::ElementCount() const
{
    std::int64_t n = 1;
    for (std::int64_t d : shape)
    {
        n *= d;
    }
    return n;
}

std::vector<float>
SafeTensor::ToFloat() const
{
    std::vector<float> values(static_cast<std::size_t>(ElementCount()));
    if (dtype == "F32" && data.size() == values.size() * 4)
    {
        std::memcpy(values.data(), data.data(), data.size()); // little-endian host
        return values;
    }
    if (dtype == "F16" && data.size() == values.size() * 2)
    {
        for (std::size_t i = 0; i < values.size(); ++i)
        {
            values[i] = HalfToFloat(static_cast<std::uint16_t>(data[2 * i] | data[2 * i + 1] << 8));
        }
        return values;
    }
    throw std::invalid_argument("tensor of dtype " + dtype + " is not a float tensor");
}

SafeTensor
SafeTensor::FromFloat(const std::vector<std::int64_t>& shape,
                      const float* values,
                      const std::string& dtype)
{
    SafeTensor t;
    t.dtype = dtype;
    t.shape = shape;
    auto n = static_cast<std::size_t>(t.ElementCount());
    if (dtype == "F32")
    {
        t.data.resize(n * 4);
        std::memcpy(t.data.data(), values, n * 4);
    }
    else if (dtype == "F16")
    {
        t.data.resize(n * 2);
        for (std::size_t i = 0; i < n; ++i)
        {
            std::uint16_t h = FloatToHalf(values[i]);
            t.data[2 * i] = static_cast<std::uint8_t>(h & 0xFF);
            t.data[2 * i + 1] = static_cast<std::uint8_t>(h >> 8);
        }
    }
    else
    {
        throw std::invalid_argument("FromFloat: F32 or F16, not " + dtype);
    }
    return t;
}

SafetensorsFile
SafetensorsFile::Parse(const std::uint8_t* data, std::size_t size, const std::string& name)
{
    if (size < kLengthBytes)
    {
        throw InputError::InFile(name, "not a safetensors file (shorter than 8 bytes)");
    }
    std::uint64_t header_bytes = ReadLittleEndian64(data);
    if (header_bytes > kMaxHeaderBytes || header_bytes > size - kLengthBytes)
    {
        throw InputError::InFile(name,
                                 "header length " + std::to_string(header_bytes) +
                                     " runs past the end of the file (" + std::to_string(size) +
                                     " bytes)");
    }
    nlohmann::json header = ParseJsonDocument(
        std::string_view(reinterpret_cast<const char*>(data) + kLengthBytes, header_bytes),
        name,
        "header is not JSON",
        false);
    if (!header.is_object())
    {
        throw InputError::InFile(name, "header is not a JSON object");
    }
    const std::uint8_t* body = data + kLengthBytes + header_bytes;
    const std::uint64_t body_bytes = size - kLengthBytes - header_bytes;
    SafetensorsFile file;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (auto it = header.begin(); it != header.end(); ++it)
    {
        const nlohmann::json& entry = it.value();
        if (it.key() == "__metadata__")
        {
            if (!entry.is_object())
            {
                throw InputError::AtField(name, "__metadata__", "not an object");
            }
            for (auto m = entry.begin(); m != entry.end(); ++m)
            {
                if (!m.value().is_string())
                {
                    throw InputError::AtField(name, "__metadata__." + m.key(), "not a string");
                }
                file.metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string field = it.key();
        if (!entry.is_object() || !entry.contains("dtype") || !entry["dtype"].is_string() ||
            !entry.contains("shape") || !entry["shape"].is_array() ||
            !entry.contains("data_offsets") || !entry["data_offsets"].is_array() ||
            entry["data_offsets"].size() != 2)
        {
            throw InputError::AtField(name,
                                      field,
                                      "needs dtype, shape and data_offsets [begin, end]");
        }
        SafeTensor tensor;
        tensor.dtype = entry["dtype"].get<std::string>();
        std::size_t element = DtypeSize(tensor.dtype);
        if (element == 0)
        {
            throw InputError::AtField(name, field + ".dtype", "unknown dtype " + tensor.dtype);
        }
        std::uint64_t count = 1;
        for (const nlohmann::json& d : entry["shape"])
        {
            if (!d.is_number_unsigned() || d.get<std::uint64_t>() > (1ULL << 40))
            {
                throw InputError::AtField(name, field + ".shape", "not a list of sizes");
            }
            std::uint64_t dim = d.get<std::uint64_t>();
            if (dim != 0 && count > (1ULL << 40) / dim)
            {
                throw InputError::AtField(name, field + ".shape", "too many elements");
            }
            count *= dim;
            tensor.shape.push_back(static_cast<std::int64_t>(dim));
        }
        const nlohmann::json& offsets = entry["data_offsets"];
        if (!offsets[0].is_number_unsigned() || !offsets[1].is_number_unsigned())
        {
            throw InputError::AtField(name, field + ".data_offsets", "not two byte offsets");
        }
        std::uint64_t begin = offsets[0].get<std::uint64_t>();
        std::uint64_t end = offsets[1].get<std::uint64_t>();
        if (begin > end || end > body_bytes)
        {
            throw InputError::AtField(name,
                                      field + ".data_offsets",
                                      "[" + std::to_string(begin) + ", " + std::to_string(end) +
                                          ") is outside the " + std::to_string(body_bytes) +
                                          " data bytes");
        }
        if (end - begin != count * element)
        {
            throw InputError::AtField(name,
                                      field + ".shape",
                                      std::to_string(count) + " elements of " + tensor.dtype +
                                          " do not fill " + std::to_string(end - begin) + " bytes");
        }
        tensor.data.assign(body + begin, body + end);
        ranges.emplace_back(begin, end);
        file.tensors[field] = std::move(tensor);
    }
    std::sort(ranges.begin(), ranges.end());
    std::uint64_t covered = 0;
    for (const auto& [begin, end] : ranges)
    {
        if (begin != covered)
        {
            throw InputError::InFile(name,
                                     "tensor data overlaps or leaves a gap at byte " +
                                         std::to_string(std::min(begin, covered)));
        }
        covered = end;
    }
    if (covered != body_bytes)
    {
        throw InputError::InFile(name,
                                 std::to_string(body_bytes - covered) +
                                     " bytes after the last tensor");
    }
    return file;
}

std::vector<std::uint8_t>
SafetensorsFile::Serialize() const
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty())
    {
        header["__metadata__"] = metadata;
    }
    std::uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors)
    {
        if (DtypeSize(tensor.dtype) == 0 ||
            tensor.data.size() !=
                static_cast<std::size_t>(tensor.ElementCount()) * DtypeSize(tensor.dtype))
        {
            throw std::invalid_argument("safetensors: tensor " + name + " has inconsistent bytes");
        }
        header[name] = {{"dtype", tensor.dtype},
                        {"shape", tensor.shape},
                        {"data_offsets", {offset, offset + tensor.data.size()}}};
        offset += tensor.data.size();
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    std::vector<std::uint8_t> bytes(kLengthBytes);
    std::uint64_t length = text.size();
    for (std::size_t i = 0; i < kLengthBytes; ++i)
    {
        bytes[i] = static_cast<std::uint8_t>(length >> (8 * i));
    }
    bytes.insert(bytes.end(), text.begin(), text.end());
    for (const auto& entry : tensors)
    {
        bytes.insert(bytes.end(), entry.second.data.begin(), entry.second.data.end());
    }
    return bytes;
}

SafetensorsFile
SafetensorsFile::Load(const std::string& path)
{
    std::vector<std::uint8_t> bytes = ReadFileBytes(path);
    return Parse(bytes.data(), bytes.size(), path);
}

void
SafetensorsFile::Save(const std::string& path) const
{
    std::vector<std::uint8_t> bytes = Serialize();
    std::string temporary = path + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        if (!out)
        {
            throw InputError::InFile(path, "cannot write");
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
    {
        throw InputError::InFile(path, "cannot replace the file");
    }
}

SafetensorsFile
SafetensorsFile::Parse(const std::string& bytes, const std::string& name)
{
    return Parse(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), name);
}

const SafeTensor&
SafetensorsFile::Get(const std::string& tensor, const std::string& file) const
{
    auto it = tensors.find(tensor);
    if (it == tensors.end())
    {
        throw InputError::AtField(file, tensor, "missing");
    }
    return it->second;
}

std::vector<float>
SafetensorsFile::GetFloats(const std::string& tensor, const std::string& file) const
{
    const SafeTensor& t = Get(tensor, file);
    if (t.dtype != "F32" && t.dtype != "F16")
    {
        throw InputError::AtField(file, tensor + ".dtype", t.dtype + ", not F32 or F16");
    }
    return t.ToFloat();
}

} // namespace ns3
