// Runs the module's ns-3 TestSuites outside an ns-3 tree (there, ns-3's own test-runner does):
//   layered-video-test-runner --suite=layered-video-http [--verbose] [--fullness=EXTENSIVE]
// Any of ns-3's TestRunner options work (--list, --help).
#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
