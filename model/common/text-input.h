#ifndef LAYERED_VIDEO_TEXT_INPUT_H
#define LAYERED_VIDEO_TEXT_INPUT_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/// Reads a whole file into memory; throws InputError naming the file when it cannot be read
/// (missing, a folder, unreadable).
std::string ReadTextFile(const std::string& path);

/// The same, as bytes.
std::vector<std::uint8_t> ReadFileBytes(const std::string& path);

/// One non-empty line of a text file, with its 1-based line number.
struct NumberedLine
{
    std::size_t number;
    std::string_view text;
};

/// Splits text into lines (LF or CRLF), dropping lines that are empty or only white space.
std::vector<NumberedLine> SplitLines(std::string_view text);

/// Splits a line at runs of white space.
std::vector<std::string_view> SplitWhitespace(std::string_view line);

/// Splits a line at every comma (empty fields kept), trimming white space around each field.
std::vector<std::string_view> SplitCommas(std::string_view line);

/// Removes leading and trailing white space.
std::string_view Trim(std::string_view text);

/**
 * Parses a whole field as a finite decimal number. Throws InputError naming the file, the line
 * and `what` when the field is not a number, has trailing characters, or is inf/nan.
 */
double ParseNumber(std::string_view field,
                   const std::string& file,
                   std::size_t line,
                   const std::string& what);

} // namespace ns3

#endif // LAYERED_VIDEO_TEXT_INPUT_H
