// Bad settings stop the simulation at configuration time with a message that names what is
// wrong: out-of-range attribute values are refused by their checkers; unknown names, missing or
// malformed files abort when the attribute is set (or the application starts), which these
// tests observe in a child process.
#include "test-data-paths.h"

#include "ns3/core-module.h"
#include "ns3/layered-video-client-helper.h"
#include "ns3/layered-video-client.h"
#include "ns3/layered-video-server-helper.h"
#include "ns3/layered-video-server.h"
#include "ns3/test.h"
#include "ns3/trace-driven-bottleneck-helper.h"
#include "ns3/trace-driven-queue-disc.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;
using namespace ns3::layered_video_test;

namespace
{
/// How a piece of configuration code ended in a child process.
struct ChildOutcome
{
    bool stopped = false; ///< it did not exit normally with status 0
    std::string output;   ///< what it wrote to stdout and stderr
};

ChildOutcome
RunInChild(const std::function<void()>& configure)
{
    int fds[2];
    if (pipe(fds) != 0)
    {
        return {false, "pipe failed"};
    }
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid == 0)
    {
        close(fds[0]);
        dup2(fds[1], STDERR_FILENO);
        dup2(fds[1], STDOUT_FILENO);
        configure();
        std::fflush(nullptr);
        _exit(0);
    }
    close(fds[1]);
    ChildOutcome out;
    char buffer[4096];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
    {
        out.output.append(buffer, n);
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    out.stopped = !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return out;
}

class CheckerTestCase : public TestCase
{
  public:
    CheckerTestCase()
        : TestCase("out-of-range attribute values are refused and leave the value as it was")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<LayeredVideoClient> client = CreateObject<LayeredVideoClient>();
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("BufferCap", TimeValue(Seconds(-1))),
                              false,
                              "a negative buffer cap");
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("BufferCap", TimeValue(Seconds(0))),
                              false,
                              "a zero buffer cap");
        TimeValue cap;
        client->GetAttribute("BufferCap", cap);
        NS_TEST_EXPECT_MSG_EQ(cap.Get(), Seconds(60), "the buffer cap is unchanged");
        NS_TEST_EXPECT_MSG_EQ(
            client->SetAttributeFailSafe("StartupThreshold", TimeValue(Seconds(-0.5))),
            false,
            "a negative startup threshold");
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("SmoothnessPenalty", DoubleValue(-1)),
                              false,
                              "a negative smoothness weight");
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("RebufferPenalty", DoubleValue(-2)),
                              false,
                              "a rebuffering weight below -1 (derived)");
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("ClientSpeed", DoubleValue(0)),
                              false,
                              "a client speed of 0 is refused");
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("ClientSpeed", DoubleValue(4)),
                              true,
                              "a client four times as fast is accepted");
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("RemotePort", UintegerValue(0)),
                              false,
                              "port 0");
        NS_TEST_EXPECT_MSG_EQ(client->SetAttributeFailSafe("BufferCap", TimeValue(Seconds(30))),
                              true,
                              "a valid value is taken");
        Ptr<TraceDrivenQueueDisc> link = CreateObject<TraceDrivenQueueDisc>();
        NS_TEST_EXPECT_MSG_EQ(link->SetAttributeFailSafe("TraceOffset", TimeValue(Seconds(-3))),
                              false,
                              "a negative trace offset");
    }
};

/// One bad setting, the message it must produce.
class FatalSettingTestCase : public TestCase
{
  public:
    FatalSettingTestCase(const std::string& name,
                         std::function<void()> configure,
                         std::vector<std::string> message)
        : TestCase(name),
          m_configure(std::move(configure)),
          m_message(std::move(message))
    {
    }

  private:
    void DoRun() override
    {
        ChildOutcome out = RunInChild(m_configure);
        NS_TEST_EXPECT_MSG_EQ(out.stopped, true, "the simulation stops: " << out.output);
        for (const std::string& part : m_message)
        {
            NS_TEST_EXPECT_MSG_NE(out.output.find(part),
                                  std::string::npos,
                                  "the message has '" << part << "': " << out.output);
        }
    }

    std::function<void()> m_configure;
    std::vector<std::string> m_message;
};

std::string
BadProfilePath()
{
    std::string path = (std::filesystem::temp_directory_path() / "lv-config-test.json").string();
    std::ofstream(path) << "{\"format\": \"layered-video-profile\", \"version\": 7}\n";
    return path;
}

/// A session that starts (the buffer-cap check needs the profile's chunk length).
void
StartSession(double bufferCap_s)
{
    TraceDrivenBottleneckHelper bottleneck;
    bottleneck.SetTrace(std::make_shared<const BandwidthTrace>(BandwidthTrace::Constant(5e6)));
    bottleneck.Install(1);
    LayeredVideoServerHelper(EnvivioProfile()).Install(bottleneck.GetServer());
    LayeredVideoClientHelper client(bottleneck.GetServerAddress(), 80, EnvivioProfile());
    client.SetAttribute("BufferCap", TimeValue(Seconds(bufferCap_s)));
    client.Install(bottleneck.GetClient(0));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    Simulator::Destroy();
}

class LayeredVideoConfigTestSuite : public TestSuite
{
  public:
    LayeredVideoConfigTestSuite()
        : TestSuite("layered-video-config", UNIT)
    {
        AddTestCase(new CheckerTestCase, TestCase::QUICK);
        auto client = [](const std::string& name, const AttributeValue& value) {
            return [name, v = value.Copy()]() {
                CreateObject<LayeredVideoClient>()->SetAttribute(name, *v);
            };
        };
        AddTestCase(
            new FatalSettingTestCase(
                "an unknown ABR",
                client("Abr", StringValue("nosuch")),
                {"LayeredVideoClient: Abr:", "nosuch", "unknown ABR; known: throughput, bba"}),
            TestCase::QUICK);
        AddTestCase(
            new FatalSettingTestCase("a missing profile file",
                                     client("ProfilePath", StringValue("/no/such/p.json")),
                                     {"LayeredVideoClient: ProfilePath:", "/no/such/p.json"}),
            TestCase::QUICK);
        AddTestCase(new FatalSettingTestCase("a malformed profile file names the field",
                                             [] {
                                                 std::string path = BadProfilePath();
                                                 CreateObject<LayeredVideoServer>()->SetAttribute(
                                                     "ProfilePath",
                                                     StringValue(path));
                                             },
                                             {"LayeredVideoServer: ProfilePath:",
                                              "lv-config-test.json: version: unknown version 7"}),
                    TestCase::QUICK);
        AddTestCase(
            new FatalSettingTestCase("a missing trace file (queue disc)",
                                     [] {
                                         CreateObject<TraceDrivenQueueDisc>()->SetAttribute(
                                             "TracePath",
                                             StringValue("/no/such/trace"));
                                     },
                                     {"TraceDrivenQueueDisc: TracePath:", "/no/such/trace"}),
            TestCase::QUICK);
        AddTestCase(new FatalSettingTestCase(
                        "a missing trace file (helper)",
                        [] { TraceDrivenBottleneckHelper().SetTracePath("/no/such/trace2"); },
                        {"TraceDrivenBottleneckHelper:", "/no/such/trace2"}),
                    TestCase::QUICK);
        AddTestCase(new FatalSettingTestCase("a missing compute-capacity file",
                                             client("Capacity", StringValue("/no/such/cap.csv")),
                                             {"LayeredVideoClient: Capacity:", "/no/such/cap.csv"}),
                    TestCase::QUICK);
        AddTestCase(new FatalSettingTestCase("an unknown QoE metric",
                                             client("QoeMetric", StringValue("mos")),
                                             {"LayeredVideoClient: QoeMetric:", "mos"}),
                    TestCase::QUICK);
        AddTestCase(new FatalSettingTestCase("a negative buffer cap set directly",
                                             client("BufferCap", TimeValue(Seconds(-1))),
                                             {"BufferCap"}),
                    TestCase::QUICK);
        AddTestCase(new FatalSettingTestCase(
                        "a buffer cap below one chunk, at start",
                        [] { StartSession(1); },
                        {"LayeredVideoClient: session:", "must hold at least one chunk"}),
                    TestCase::QUICK);
    }
};

LayeredVideoConfigTestSuite g_layeredVideoConfigTestSuite;
} // namespace
