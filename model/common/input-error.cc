#include "input-error.h"

namespace ns3
{

InputError::InputError(const std::string& message)
    : std::runtime_error(message)
{
}

InputError
InputError::AtLine(const std::string& file, std::size_t line, const std::string& what)
{
    return InputError(file + ":" + std::to_string(line) + ": " + what);
}

InputError
InputError::AtField(const std::string& file, const std::string& field, const std::string& what)
{
    return InputError(file + ": " + field + ": " + what);
}

InputError
InputError::InFile(const std::string& file, const std::string& what)
{
    return InputError(file + ": " + what);
}

} // namespace ns3
