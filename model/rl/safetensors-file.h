#ifndef LAYERED_VIDEO_SAFETENSORS_FILE_H
#define LAYERED_VIDEO_SAFETENSORS_FILE_H

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/// A float32 tensor: its shape and its values in row-major order.
struct Float32Tensor
{
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

/**
 * \brief A safetensors file of float32 tensors (the format Python's safetensors library reads):
 * an 8-byte little-endian header length, a JSON header (per tensor its dtype "F32", shape and
 * byte range; `__metadata__` a string-to-string map), then the little-endian data.
 *
 * Small and self-contained (nlohmann JSON only), for the learned ABR's policies. Parse() checks
 * what a file can get wrong (lengths, a malformed header, a dtype other than F32, a shape that
 * does not match its bytes, byte ranges that overlap, leave gaps or run past the end) and throws
 * InputError naming the file and the tensor or field.
 */
class SafetensorsFile
{
  public:
    std::map<std::string, std::string> metadata;
    std::map<std::string, Float32Tensor> tensors;

    /// Reads a file (InputError naming the file when it is missing or malformed).
    static SafetensorsFile Load(const std::string& path);
    /// Parses a file's bytes; `name` is used in error messages.
    static SafetensorsFile Parse(const std::string& bytes, const std::string& name);
    /// The file's bytes: tensors in name order, the header padded with spaces to 8 bytes.
    std::string Serialize() const;
    /// Writes through a temporary file renamed into place, so a reader never sees half a file.
    void Save(const std::string& path) const;

    /// The tensor of that name, or InputError("file: name: missing") when there is none.
    const Float32Tensor& Get(const std::string& name, const std::string& file) const;
};

} // namespace ns3

#endif // LAYERED_VIDEO_SAFETENSORS_FILE_H
