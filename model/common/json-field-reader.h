#ifndef LAYERED_VIDEO_JSON_FIELD_READER_H
#define LAYERED_VIDEO_JSON_FIELD_READER_H

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ns3
{

/**
 * Parses a JSON document read from `file`. InputError "file:LINE: what: ..." for a syntax error
 * in a text file (`what` is e.g. "not valid JSON"; without the line when `text_file` is false: a
 * JSON header inside a binary file), "file: what: ..." for others (a number out of range); the
 * parser's message is kept, with any byte that is not printable ASCII written as \xNN, so that a
 * binary file never reaches the terminal.
 */
nlohmann::json ParseJsonDocument(std::string_view text,
                                 const std::string& file,
                                 const std::string& what = "not valid JSON",
                                 bool text_file = true);

/**
 * \brief Typed access to JSON fields that names the file and the field in every error.
 *
 * Paths are written as in the error messages: `chunks[3].layers[1]`; each getter throws
 * InputError("file: path.key: what") when the field is missing or has the wrong type.
 */
class JsonFieldReader
{
  public:
    using Json = nlohmann::json;

    explicit JsonFieldReader(const std::string& file);

    const Json& Get(const Json& obj, const std::string& path, const char* key) const;
    bool Has(const Json& obj, const char* key) const;
    double Number(const Json& obj, const std::string& path, const char* key) const;
    double NumberOr(const Json& obj,
                    const std::string& path,
                    const char* key,
                    double fallback) const;
    std::uint64_t Integer(const Json& obj, const std::string& path, const char* key) const;
    std::string String(const Json& obj, const std::string& path, const char* key) const;
    std::string StringOr(const Json& obj, const std::string& path, const char* key) const;
    const Json& Object(const Json& obj, const std::string& path, const char* key) const;
    const Json& Array(const Json& obj, const std::string& path, const char* key) const;
    [[noreturn]] void Fail(const std::string& field, const std::string& what) const;

    static std::string Join(const std::string& path, const char* key);

  private:
    std::string m_file;
};

} // namespace ns3

#endif // LAYERED_VIDEO_JSON_FIELD_READER_H
