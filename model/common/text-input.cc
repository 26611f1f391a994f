#include "text-input.h"

#include "input-error.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace ns3
{

namespace
{
std::ifstream
OpenInput(const std::string& path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
    {
        throw InputError::InFile(path, "is a folder, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw InputError::InFile(path,
                                 std::filesystem::exists(path, error) ? "cannot open the file"
                                                                      : "no such file");
    }
    return in;
}
} // namespace

std::string
ReadTextFile(const std::string& path)
{
    std::ifstream in = OpenInput(path);
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
    {
        throw InputError::InFile(path, "cannot read the file");
    }
    return content.str();
}

std::vector<std::uint8_t>
ReadFileBytes(const std::string& path)
{
    std::ifstream in = OpenInput(path);
    std::vector<std::uint8_t> bytes(std::istreambuf_iterator<char>(in), {});
    if (in.bad())
    {
        throw InputError::InFile(path, "cannot read the file");
    }
    return bytes;
}

std::string_view
Trim(std::string_view text)
{
    std::size_t begin = 0;
    while (begin < text.size() && std::isspace(static_cast<unsigned char>(text[begin])))
    {
        ++begin;
    }
    std::size_t end = text.size();
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
    {
        --end;
    }
    return text.substr(begin, end - begin);
}

std::vector<NumberedLine>
SplitLines(std::string_view text)
{
    std::vector<NumberedLine> lines;
    std::size_t number = 0;
    std::size_t start = 0;
    while (start <= text.size())
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
        {
            end = text.size();
        }
        ++number;
        std::string_view line = Trim(text.substr(start, end - start));
        if (!line.empty())
        {
            lines.push_back({number, line});
        }
        start = end + 1;
    }
    return lines;
}

std::vector<std::string_view>
SplitWhitespace(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size())
    {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i])))
        {
            ++i;
        }
        std::size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
        {
            ++i;
        }
        if (i > start)
        {
            fields.push_back(line.substr(start, i - start));
        }
    }
    return fields;
}

std::vector<std::string_view>
SplitCommas(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true)
    {
        std::size_t comma = line.find(',', start);
        if (comma == std::string_view::npos)
        {
            fields.push_back(Trim(line.substr(start)));
            return fields;
        }
        fields.push_back(Trim(line.substr(start, comma - start)));
        start = comma + 1;
    }
}

double
ParseNumber(std::string_view field,
            const std::string& file,
            std::size_t line,
            const std::string& what)
{
    std::string text(Trim(field));
    if (text.empty())
    {
        throw InputError::AtLine(file, line, what + " is empty");
    }
    // strtod accepts "inf", "nan" and hex floats: allow only a plain decimal number.
    for (char c : text)
    {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
              c == 'e' || c == 'E'))
        {
            throw InputError::AtLine(file, line, what + " is not a number: '" + text + "'");
        }
    }
    errno = 0;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(value))
    {
        throw InputError::AtLine(file, line, what + " is not a number: '" + text + "'");
    }
    return value;
}

} // namespace ns3
