// lvc: the codec-lib command-line tool (see codec-lib/README.md).
#include "tools/lvc-app.h"

#include <iostream>

int
main(int argc, char** argv)
{
    return lvc::RunLvc(argc, argv, std::cout, std::cerr);
}
