#ifndef LAYERED_VIDEO_VIDEO_SESSION_FIXTURE_H
#define LAYERED_VIDEO_VIDEO_SESSION_FIXTURE_H

#include "ns3/abr-context.h"
#include "ns3/bandwidth-trace.h"
#include "ns3/layered-video-client.h"
#include "ns3/qoe.h"
#include "ns3/trace-driven-bottleneck-helper.h"
#include "ns3/video-profile.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace layered_video_test
{

/// Video clients (one per ABR name) sharing a trace-driven bottleneck with one server.
struct VideoScenario
{
    std::shared_ptr<const BandwidthTrace> trace;
    std::shared_ptr<const VideoProfile> profile;
    std::vector<std::string> abrs{"bba"};
    uint32_t chunks = 0;
    double bufferCap_s = 60;
    double delay_s = 0.040;
    double loss = 0;
    uint32_t run = 1;
    /// Called after the applications are installed and before the simulation runs.
    std::function<void(TraceDrivenBottleneckHelper&, const std::vector<Ptr<LayeredVideoClient>>&)>
        setup;
};

/// What a client ended with.
struct ClientOutcome
{
    LayeredVideoClient::State state = LayeredVideoClient::State::NotStarted;
    std::string error;
    QoeSummary summary;
    std::vector<DownloadRecord> downloads;
    std::string chunkLog; ///< the per-chunk CSV (session times: the clients start at 0 s)
};

/// Runs the scenario until every client has finished or failed (or `limit_s`).
std::vector<ClientOutcome> RunVideoScenario(const VideoScenario& scenario, double limit_s = 3600);

/// A profile shared by tests, read once.
std::shared_ptr<const VideoProfile> LoadProfile(const std::string& path);

/// Jain's fairness index of a set of values: (sum x)^2 / (n sum x^2).
double JainIndex(const std::vector<double>& x);

} // namespace layered_video_test
} // namespace ns3

#endif // LAYERED_VIDEO_VIDEO_SESSION_FIXTURE_H
