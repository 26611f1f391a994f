// Safetensors files (the format Python's safetensors library reads), read and written here: the
// neural codec's weights and checkpoints (codec-lib) and the learned ABR's policies (model/rl).
#ifndef LAYERED_VIDEO_SAFETENSORS_FILE_H
#define LAYERED_VIDEO_SAFETENSORS_FILE_H

#include "text-input.h" // ReadFileBytes

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/// One tensor: dtype ("F32", "F16", "I64", "U8"), shape, little-endian bytes.
struct SafeTensor
{
    std::string dtype;
    std::vector<std::int64_t> shape;
    std::vector<std::uint8_t> data;

    std::int64_t ElementCount() const;
    /// The values as float (F32 and F16 only; std::invalid_argument otherwise).
    std::vector<float> ToFloat() const;
    /// A tensor of `values` stored as F32 or F16 (F16 rounds to nearest even).
    static SafeTensor FromFloat(const std::vector<std::int64_t>& shape,
                                const float* values,
                                const std::string& dtype = "F32");
};

/// Bytes per element of a dtype this reader knows; 0 for any other.
std::size_t DtypeSize(const std::string& dtype);

/**
 * \brief A safetensors file: an 8-byte little-endian header length, a JSON header (per tensor
 * its dtype, shape and byte range; `__metadata__` a string-to-string map), then the data.
 *
 * Parse() checks everything a file can get wrong (sizes, ranges that overlap, leave gaps or run
 * past the end, unknown dtypes, a shape that does not match the bytes, a malformed header) and
 * throws InputError naming the file and the tensor or field.
 */
struct SafetensorsFile
{
    std::map<std::string, std::string> metadata;
    std::map<std::string, SafeTensor> tensors;

    static SafetensorsFile Load(const std::string& path);
    static SafetensorsFile Parse(const std::uint8_t* data,
                                 std::size_t size,
                                 const std::string& name);
    static SafetensorsFile Parse(const std::string& bytes, const std::string& name);
    /// The file's bytes: tensors in name order, header padded with spaces to 8 bytes.
    std::vector<std::uint8_t> Serialize() const;
    /// Writes to a temporary file beside `path`, then renames it (a reader never sees half).
    void Save(const std::string& path) const;

    /// The tensor of that name; InputError("file: tensor: missing") when there is none.
    const SafeTensor& Get(const std::string& tensor, const std::string& file) const;
    /// Its values as float; InputError naming the tensor when it is missing or not F32/F16.
    std::vector<float> GetFloats(const std::string& tensor, const std::string& file) const;
};

} // namespace ns3

#endif // LAYERED_VIDEO_SAFETENSORS_FILE_H
