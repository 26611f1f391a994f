// The cost of the video logic at packet level: each streaming run (LayeredVideoServer and
// LayeredVideoClients over a trace-driven bottleneck) is timed against a bulk-TCP anchor in
// the same run of this program: ns-3's own BulkSendApplication flows over the same topology,
// rate and simulated duration, with no video logic. Each measurement runs in its own process
// (fork), so that its peak memory is its own. Prints a Markdown table for bench/README.md:
// wall time over the anchor's, and (as video sessions idle once their buffer is full, so
// they move fewer packets than bulk flows) wall time per delivered packet over the anchor's.
//
//   ns3-streaming-overhead [--scenario=all|single|many] [--repeat=3] [--abr=bba]
//     single: one client, a 10-minute session at 5 Mbit/s
//     many:   50 clients on a 200 Mbit/s bottleneck, 5-minute sessions
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/layered-video-client-helper.h"
#include "ns3/layered-video-client.h"
#include "ns3/layered-video-server-helper.h"
#include "ns3/trace-driven-bottleneck-helper.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef LAYERED_VIDEO_SHARED_DIR
#define LAYERED_VIDEO_SHARED_DIR "../shared"
#endif

using namespace ns3;

namespace
{
struct Scenario
{
    std::string name;
    uint32_t clients;
    double rate_bps;
    double session_s;
};

/// What one measured process reports.
struct Measurement
{
    double wall_s = 0;
    double simulated_s = 0;
    double packets = 0; ///< packets the bottleneck delivered
    double peakRss_mb = 0;
    bool ok = false;
};

uint64_t g_delivered = 0;

void
CountDelivery(Ptr<const QueueDiscItem>, Time, Time)
{
    ++g_delivered;
}

TraceDrivenBottleneckHelper
Topology(const Scenario& s)
{
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    TraceDrivenBottleneckHelper bottleneck;
    bottleneck.SetTrace(
        std::make_shared<const BandwidthTrace>(BandwidthTrace::Constant(s.rate_bps)));
    bottleneck.Install(s.clients);
    bottleneck.GetDownlinkQueueDisc()->TraceConnectWithoutContext("Delivered",
                                                                  MakeCallback(&CountDelivery));
    return bottleneck;
}

/// Video sessions until every client has played its video; returns the simulated time.
double
RunStreaming(const Scenario& s, const std::string& profilePath, const std::string& abr)
{
    TraceDrivenBottleneckHelper bottleneck = Topology(s);
    auto base = VideoProfile::Load(profilePath);
    auto chunks = static_cast<uint32_t>(std::ceil(s.session_s / base.GetChunkDuration_s()));
    auto profile = std::make_shared<const VideoProfile>(base.Looped(chunks));
    LayeredVideoServerHelper(profile).Install(bottleneck.GetServer());
    LayeredVideoClientHelper client(bottleneck.GetServerAddress(), 80, profile);
    client.SetAttribute("Abr", StringValue(abr));
    ApplicationContainer apps = client.Install(bottleneck.GetClients());
    static uint32_t remaining;
    remaining = s.clients;
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        apps.Get(i)->TraceConnectWithoutContext(
            "StateTransition",
            MakeCallback(+[](const std::string&, const std::string& to) {
                NS_ABORT_MSG_IF(to == "Failed", "a streaming session failed");
                if (to == "Finished" && --remaining == 0)
                {
                    Simulator::Stop();
                }
            }));
    }
    Simulator::Run();
    double end_s = Simulator::Now().GetSeconds();
    Simulator::Destroy();
    return end_s;
}

/// Bulk TCP from the server to every client for `duration_s`.
double
RunAnchor(const Scenario& s, double duration_s)
{
    TraceDrivenBottleneckHelper bottleneck = Topology(s);
    for (uint32_t i = 0; i < s.clients; ++i)
    {
        BulkSendHelper bulk("ns3::TcpSocketFactory",
                            InetSocketAddress(bottleneck.GetClientAddress(i), 9));
        bulk.Install(bottleneck.GetServer());
        PacketSinkHelper sink("ns3::TcpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 9));
        sink.Install(bottleneck.GetClient(i));
    }
    Simulator::Stop(Seconds(duration_s));
    Simulator::Run();
    Simulator::Destroy();
    return duration_s;
}

/// Runs `body` in a child process; its wall time and peak memory are measured from outside.
Measurement
Measure(const std::function<double()>& body)
{
    int fds[2];
    Measurement m;
    if (pipe(fds) != 0)
    {
        return m;
    }
    std::fflush(nullptr);
    auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0)
    {
        close(fds[0]);
        double results[2] = {body(), static_cast<double>(g_delivered)};
        _exit(write(fds[1], results, sizeof results) == sizeof results ? 0 : 1);
    }
    close(fds[1]);
    double results[2] = {0, 0};
    bool got = read(fds[0], results, sizeof results) == sizeof results;
    close(fds[0]);
    int status = 0;
    struct rusage usage;
    wait4(pid, &status, 0, &usage);
    m.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.simulated_s = results[0];
    m.packets = results[1];
    m.peakRss_mb = usage.ru_maxrss / 1024.0;
    m.ok = got && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return m;
}

Measurement
Median(std::vector<Measurement> runs)
{
    std::sort(runs.begin(), runs.end(), [](const Measurement& a, const Measurement& b) {
        return a.wall_s < b.wall_s;
    });
    return runs[runs.size() / 2];
}
} // namespace

int
main(int argc, char* argv[])
{
    std::string which = "all";
    uint32_t repeat = 3;
    std::string abr = "bba";
    std::string profilePath = std::string(LAYERED_VIDEO_SHARED_DIR) + "/profiles/pensieve-envivio";
    CommandLine cmd(__FILE__);
    cmd.Usage("Wall time and peak memory of packet-level streaming against a bulk-TCP anchor.");
    cmd.AddValue("scenario",
                 "all, single (1 client, 10 min, 5 Mbit/s) or many (50 clients, "
                 "5 min, 200 Mbit/s)",
                 which);
    cmd.AddValue("repeat", "measurements per run (the median wall time is kept)", repeat);
    cmd.AddValue("abr", "the clients' ABR", abr);
    cmd.AddValue("profile",
                 "video profile (its chunks repeat for the session's length)",
                 profilePath);
    cmd.Parse(argc, argv);

    std::vector<Scenario> scenarios;
    if (which == "all" || which == "single")
    {
        scenarios.push_back({"1 client, 10-min session, 5 Mbit/s", 1, 5e6, 600});
    }
    if (which == "all" || which == "many")
    {
        scenarios.push_back({"50 clients, 5-min sessions, 200 Mbit/s", 50, 200e6, 300});
    }
    std::cout << "| scenario | run | simulated s | wall s | x real time | packets delivered | "
                 "us per packet | peak RSS MB | wall / anchor | us per packet / anchor |\n"
                 "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Scenario& s : scenarios)
    {
        std::vector<Measurement> streaming;
        std::vector<Measurement> anchor;
        for (uint32_t r = 0; r < std::max(1u, repeat); ++r)
        {
            // Alternate, so that a slow spell of a shared machine hits both alike.
            streaming.push_back(Measure([&]() { return RunStreaming(s, profilePath, abr); }));
            double duration_s = streaming.back().simulated_s;
            anchor.push_back(Measure([&]() { return RunAnchor(s, duration_s); }));
        }
        Measurement v = Median(streaming);
        Measurement a = Median(anchor);
        auto perPacket_us = [](const Measurement& m) { return 1e6 * m.wall_s / m.packets; };
        auto row = [&](const std::string& run, const Measurement& m) {
            std::cout << "| " << s.name << " | " << run << " | " << std::fixed
                      << std::setprecision(1) << m.simulated_s << " | " << std::setprecision(2)
                      << m.wall_s << " | " << std::setprecision(1) << m.simulated_s / m.wall_s
                      << " | " << std::setprecision(0) << m.packets << " | " << std::setprecision(2)
                      << perPacket_us(m) << " | " << std::setprecision(1) << m.peakRss_mb << " | "
                      << std::setprecision(2) << m.wall_s / a.wall_s << " | "
                      << perPacket_us(m) / perPacket_us(a) << (m.ok ? "" : " (failed)") << " |\n";
        };
        row("bulk-TCP anchor", a);
        row("streaming (" + abr + ")", v);
        std::cout << std::flush;
    }
    return 0;
}
