#ifndef LAYERED_VIDEO_INPUT_ERROR_H
#define LAYERED_VIDEO_INPUT_ERROR_H

#include <cstddef>
#include <stdexcept>
#include <string>

namespace ns3
{

/**
 * \brief Bad input: a file, a line or a field that cannot be used as it is.
 *
 * Every parser of the module throws this (never crashes, never repairs silently). The message
 * always starts with the file name, then the line (`file:12: ...`) or the field
 * (`file: chunks[3].layers[1].bytes: ...`), so that a user can find what is wrong.
 */
class InputError : public std::runtime_error
{
  public:
    explicit InputError(const std::string& message);

    /// An error at a line of a text file (lines count from 1).
    static InputError AtLine(const std::string& file, std::size_t line, const std::string& what);

    /// An error in a named field of a structured file (JSON path, CSV column, option name).
    static InputError AtField(const std::string& file,
                              const std::string& field,
                              const std::string& what);

    /// An error about the file as a whole (missing, empty, unknown format).
    static InputError InFile(const std::string& file, const std::string& what);
};

} // namespace ns3

#endif // LAYERED_VIDEO_INPUT_ERROR_H
