#include "video-session-fixture.h"

#include "ns3/core-module.h"
#include "ns3/layered-video-client-helper.h"
#include "ns3/layered-video-server-helper.h"
#include "ns3/session-log.h"
#include "ns3/streaming-session.h"

#include <sstream>

namespace ns3
{
namespace layered_video_test
{

std::vector<ClientOutcome>
RunVideoScenario(const VideoScenario& scenario, double limit_s)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(scenario.run);
    TraceDrivenBottleneckHelper bottleneck;
    bottleneck.SetTrace(scenario.trace);
    bottleneck.SetDelay(Seconds(scenario.delay_s));
    bottleneck.SetLossRate(scenario.loss);
    bottleneck.Install(scenario.abrs.size());

    LayeredVideoServerHelper server(scenario.profile);
    server.SetAttribute("Chunks", UintegerValue(scenario.chunks));
    server.Install(bottleneck.GetServer());
    LayeredVideoClientHelper helper(bottleneck.GetServerAddress(), 80, scenario.profile);
    helper.SetAttribute("Chunks", UintegerValue(scenario.chunks));
    helper.SetAttribute("BufferCap", TimeValue(Seconds(scenario.bufferCap_s)));
    std::vector<Ptr<LayeredVideoClient>> clients;
    for (size_t i = 0; i < scenario.abrs.size(); ++i)
    {
        helper.SetAttribute("Abr", StringValue(scenario.abrs[i]));
        ApplicationContainer app = helper.Install(bottleneck.GetClient(i));
        clients.push_back(DynamicCast<LayeredVideoClient>(app.Get(0)));
    }
    auto remaining = std::make_shared<size_t>(clients.size());
    for (const auto& client : clients)
    {
        client->TraceConnectWithoutContext(
            "StateTransition",
            MakeBoundCallback(
                +[](std::shared_ptr<size_t> left, const std::string&, const std::string& to) {
                    if ((to == "Finished" || to == "Failed") && --*left == 0)
                    {
                        Simulator::Stop();
                    }
                },
                remaining));
    }
    // Fixed streams, so that runs in one process repeat (ns-3 numbers the others in the order
    // random variables are created, process-wide).
    int64_t stream = bottleneck.AssignStreams(0);
    LayeredVideoClientHelper::AssignStreams(bottleneck.GetClients(), stream);
    if (scenario.setup)
    {
        scenario.setup(bottleneck, clients);
    }
    Simulator::Stop(Seconds(limit_s));
    Simulator::Run();
    std::vector<ClientOutcome> outcomes;
    for (const auto& client : clients)
    {
        ClientOutcome o;
        o.state = client->GetState();
        o.error = client->GetError();
        o.summary = client->GetSummary();
        o.downloads = client->GetSession()->Downloads();
        std::ostringstream log;
        WriteChunkLog(log, *client->GetSession());
        o.chunkLog = log.str();
        outcomes.push_back(o);
    }
    Simulator::Destroy();
    return outcomes;
}

std::shared_ptr<const VideoProfile>
LoadProfile(const std::string& path)
{
    return std::make_shared<const VideoProfile>(VideoProfile::Load(path));
}

double
JainIndex(const std::vector<double>& x)
{
    double sum = 0;
    double squares = 0;
    for (double v : x)
    {
        sum += v;
        squares += v * v;
    }
    return squares > 0 ? sum * sum / (x.size() * squares) : 0;
}

} // namespace layered_video_test
} // namespace ns3
