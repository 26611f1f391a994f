#include "test-support.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/input-error.h"
#include "ns3/session-batch.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace ns3;

namespace
{
// Independent readers: each computes a file's mean rate its own simple way.
double
PensieveMean_bps(const std::string& path)
{
    std::ifstream in(path);
    double t, r, t0 = -1, prev = 0, bits = 0;
    while (in >> t >> r)
    {
        if (t0 < 0)
        {
            t0 = prev = t;
            continue;
        }
        bits += r * 1e6 * (t - prev);
        prev = t;
    }
    return bits / (prev - t0);
}

double
MahimahiMean_bps(const std::string& path)
{
    std::ifstream in(path);
    double ms, last = 0, count = 0;
    while (in >> ms)
    {
        last = ms;
        ++count;
    }
    return count * 1500 * 8 / (last / 1000);
}

double
SabreMean_bps(const std::string& path)
{
    std::ifstream in(path);
    nlohmann::json j = nlohmann::json::parse(in);
    double bits = 0, ms = 0;
    for (const auto& seg : j)
    {
        bits += seg["bandwidth_kbps"].get<double>() * seg["duration_ms"].get<double>();
        ms += seg["duration_ms"].get<double>();
    }
    return bits / ms * 1000; // kbit/s * ms = bits
}

double
BelgiumMean_bps(const std::string& path)
{
    std::ifstream in(path);
    double epoch, elapsed, lat, lon, bytes, interval, total_bytes = 0, total_ms = 0;
    while (in >> epoch >> elapsed >> lat >> lon >> bytes >> interval)
    {
        total_bytes += bytes;
        total_ms += interval;
    }
    return total_bytes * 8 / (total_ms / 1000);
}

double
GNetTrackMean_bps(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    double sum = 0;
    int rows = 0;
    while (std::getline(in, line))
    {
        std::stringstream fields(line);
        std::string field;
        for (int col = 0; col <= 12; ++col)
        {
            std::getline(fields, field, ',');
        }
        sum += std::stod(field) * 1000;
        ++rows;
    }
    return sum / rows;
}

std::string
Shared(const std::string& rel)
{
    return test::SharedDir() + "/traces/" + rel;
}

/// The message of the InputError that parsing `text` throws ("" when none is thrown).
std::string
ParseError(const std::string& text, TraceFormat format = TraceFormat::Auto)
{
    try
    {
        BandwidthTrace::Parse(text, "bad.trace", format);
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

TEST(BandwidthTrace, EveryFileUnderSharedTracesLoads)
{
    std::vector<std::string> files = ListTraceFiles(test::SharedDir() + "/traces");
    EXPECT_GE(files.size(), 300u);
    for (const std::string& file : files)
    {
        SCOPED_TRACE(file);
        BandwidthTrace trace = BandwidthTrace::Load(file);
        EXPECT_GT(trace.GetDuration_s(), 0);
        EXPECT_GT(trace.GetMeanRate_bps(), 0);
    }
}

TEST(BandwidthTrace, DetectsEachPublicFormat)
{
    EXPECT_EQ(BandwidthTrace::Load(Shared("pensieve-test/norway_bus_1")).GetFormat(),
              TraceFormat::Pensieve);
    EXPECT_EQ(BandwidthTrace::Load(Shared("mahimahi/Verizon-LTE-short.down")).GetFormat(),
              TraceFormat::Mahimahi);
    EXPECT_EQ(BandwidthTrace::Load(Shared("belgium-4g/json/report_bus_0001.json")).GetFormat(),
              TraceFormat::SabreJson);
    EXPECT_EQ(BandwidthTrace::Load(Shared("belgium-4g/raw/report_car_0003.log")).GetFormat(),
              TraceFormat::BelgiumLog);
    EXPECT_EQ(BandwidthTrace::Load(Shared("ucc-5g/Download/Static/B_2019.12.16_13.40.04.csv"))
                  .GetFormat(),
              TraceFormat::Csv);
}

TEST(BandwidthTrace, MeanRatesMatchAnIndependentReading)
{
    struct Case
    {
        std::string file;
        double (*mean)(const std::string&);
    };

    std::vector<Case> cases = {
        {Shared("pensieve-test/norway_bus_1"), PensieveMean_bps},
        {Shared("pensieve-test/norway_ferry_7"), PensieveMean_bps},
        {Shared("pensieve-train/trace_10322_http---edition.cnn.com"), PensieveMean_bps},
        {Shared("mahimahi/Verizon-LTE-short.down"), MahimahiMean_bps},
        {Shared("mahimahi/TMobile-UMTS-driving.up"), MahimahiMean_bps},
        {Shared("belgium-4g/json/report_tram_0003.json"), SabreMean_bps},
        {Shared("belgium-4g/raw/report_foot_0006.log"), BelgiumMean_bps},
        {Shared("ucc-5g/Download/Driving/B_2020.02.14_09.38.22.csv"), GNetTrackMean_bps},
    };
    for (const Case& c : cases)
    {
        SCOPED_TRACE(c.file);
        double expected = c.mean(c.file);
        EXPECT_NEAR(BandwidthTrace::Load(c.file).GetMeanRate_bps(), expected, 1e-9 * expected);
    }
}

TEST(BandwidthTrace, BelgiumRawAndSabreJsonOfOneLogAgree)
{
    // The dataset's SOURCE.md: json/ is Sabre's conversion of raw/ (kbps rounded).
    BandwidthTrace raw = BandwidthTrace::Load(Shared("belgium-4g/raw/report_car_0003.log"));
    BandwidthTrace json = BandwidthTrace::Load(Shared("belgium-4g/json/report_car_0003.json"));
    EXPECT_NEAR(raw.GetDuration_s(), json.GetDuration_s(), 1e-6);
    EXPECT_NEAR(raw.GetMeanRate_bps(), json.GetMeanRate_bps(), 1e-3 * json.GetMeanRate_bps());
}

TEST(BandwidthTrace, DeliveryEndIntegratesSegmentsAndOutages)
{
    // 2 s at 1 Mbit/s, 1 s outage, 1 s at 4 Mbit/s; repeats every 4 s (6 Mbit per period).
    BandwidthTrace t = BandwidthTrace::FromSegments({2, 1, 1}, {1e6, 0, 4e6});
    EXPECT_DOUBLE_EQ(t.GetMeanRate_bps(), 6e6 / 4);
    EXPECT_DOUBLE_EQ(t.DeliveryEnd_s(0, 1e6), 1.0);
    EXPECT_DOUBLE_EQ(t.DeliveryEnd_s(0, 2e6), 2.0);           // ends exactly at the outage
    EXPECT_DOUBLE_EQ(t.DeliveryEnd_s(0, 3e6), 3.25);          // waits out the outage
    EXPECT_DOUBLE_EQ(t.DeliveryEnd_s(2.5, 1e6), 3.25);        // starts inside the outage
    EXPECT_DOUBLE_EQ(t.DeliveryEnd_s(3.5, 3e6), 5.0);         // wraps into the next period
    EXPECT_DOUBLE_EQ(t.DeliveryEnd_s(1, 6e6 * 10), 1 + 40.0); // whole periods
    EXPECT_DOUBLE_EQ(t.BitsBetween(1.5, 3.5), 0.5e6 + 2e6);
    EXPECT_DOUBLE_EQ(t.GetRate_bps(2.5), 0);
    EXPECT_DOUBLE_EQ(t.GetRate_bps(4.5), 1e6);
    t.SetLoop(false);
    EXPECT_TRUE(std::isinf(t.DeliveryEnd_s(0, 7e6)));
}

TEST(BandwidthTrace, ScaleShiftClip)
{
    BandwidthTrace t = BandwidthTrace::FromSegments({2, 1, 1}, {1e6, 0, 4e6});
    EXPECT_DOUBLE_EQ(t.Scaled(2).GetMeanRate_bps(), 3e6);
    BandwidthTrace shifted = t.Shifted(2.5);
    EXPECT_DOUBLE_EQ(shifted.GetRate_bps(0), 0);
    EXPECT_DOUBLE_EQ(shifted.GetRate_bps(0.75), 4e6);
    EXPECT_DOUBLE_EQ(shifted.GetRate_bps(3.2), 1e6);
    EXPECT_DOUBLE_EQ(shifted.GetRate_bps(3.7), 0);
    EXPECT_DOUBLE_EQ(shifted.GetDuration_s(), 4);
    EXPECT_DOUBLE_EQ(t.Clipped(2.5).GetDuration_s(), 2.5);
    EXPECT_DOUBLE_EQ(t.Clipped(2.5).GetMeanRate_bps(), 2e6 / 2.5);
}

TEST(BandwidthTrace, PensieveRowRateAppliesToTheIntervalEndingAtIt)
{
    BandwidthTrace t = BandwidthTrace::Parse("0 9\n1 2\n3 4\n", "p");
    EXPECT_DOUBLE_EQ(t.GetDuration_s(), 3);
    EXPECT_DOUBLE_EQ(t.GetRate_bps(0.5), 2e6);
    EXPECT_DOUBLE_EQ(t.GetRate_bps(2.5), 4e6);
}

TEST(BandwidthTrace, MahimahiKeepsOpportunitiesAndSpreadsThemPerMillisecond)
{
    BandwidthTrace t = BandwidthTrace::Parse("1\n1\n3\n4\n", "m");
    EXPECT_EQ(t.GetDeliveryOpportunities_ms().size(), 4u);
    EXPECT_DOUBLE_EQ(t.GetDuration_s(), 0.004);
    EXPECT_DOUBLE_EQ(t.GetRate_bps(0.0005), 2 * 12000 * 1000.0); // two packets in ms 1
    EXPECT_DOUBLE_EQ(t.GetRate_bps(0.0015), 0);                  // nothing in ms 2
    EXPECT_DOUBLE_EQ(t.CumulativeBits(0.004), 4 * 12000.0);
}

TEST(BandwidthTrace, CsvWithTimeColumn)
{
    BandwidthTrace t =
        BandwidthTrace::Parse("time_s,bandwidth_kbps\n0,1000\n2,3000\n3,500\n", "c.csv");
    EXPECT_DOUBLE_EQ(t.GetDuration_s(), 4); // the last row lasts as long as the one before
    EXPECT_DOUBLE_EQ(t.GetRate_bps(1), 1e6);
    EXPECT_DOUBLE_EQ(t.GetRate_bps(2.5), 3e6);
    EXPECT_DOUBLE_EQ(t.GetRate_bps(3.5), 0.5e6);
}

TEST(BandwidthTrace, BadInputNamesTheFileAndLine)
{
    EXPECT_NE(ParseError("").find("bad.trace: the file is empty"), std::string::npos);
    EXPECT_NE(ParseError("0 1\n1 x\n").find("bad.trace:2: throughput_Mbps is not a number"),
              std::string::npos);
    EXPECT_NE(ParseError("0 1\n1 -2\n").find("bad.trace:2: throughput_Mbps is negative"),
              std::string::npos);
    EXPECT_NE(ParseError("0 1\n2 1\n1 1\n").find("bad.trace:3: time goes backwards"),
              std::string::npos);
    EXPECT_NE(ParseError("0 1\n1 1 1\n").find("bad.trace:2: expected"), std::string::npos);
    EXPECT_NE(ParseError("5\n3\n").find("bad.trace:2: time goes backwards"), std::string::npos);
    EXPECT_NE(ParseError("1.5\n").find("bad.trace:1: timestamp_ms must be a whole number"),
              std::string::npos);
    EXPECT_NE(ParseError("0 0\n1 0\n").find("delivers no data"), std::string::npos);
    EXPECT_NE(ParseError("0 nan\n1 inf\n").find("bad.trace:1: throughput_Mbps is not a number"),
              std::string::npos);
    EXPECT_NE(ParseError("a b c\n").find("bad.trace:1: cannot tell the trace format"),
              std::string::npos);
    EXPECT_NE(ParseError("[{\"duration_ms\": 10}]").find("bad.trace: [0].bandwidth_kbps: missing"),
              std::string::npos);
    EXPECT_NE(ParseError("[{\"duration_ms\": 10, \"bandwidth_kbps\": -1}]")
                  .find("[0].bandwidth_kbps: must be a number >= 0"),
              std::string::npos);
    EXPECT_NE(ParseError("[{\"duration_ms\": 1").find("not valid JSON"), std::string::npos);
    EXPECT_NE(ParseError("time_s,foo\n0,1\n").find("bad.trace:1: no rate column"),
              std::string::npos);
    EXPECT_NE(ParseError("time_s,rate_bps\n0,1\n1,2,3\n").find("bad.trace:3: has 3 fields"),
              std::string::npos);
    EXPECT_NE(ParseError("1 2 3 4 5 -6\n").find("bad.trace:1: interval_ms is negative"),
              std::string::npos);
    EXPECT_NE(ParseError("0 1e400\n1 1\n").find("bad.trace:1:"), std::string::npos);
    // Found by fuzzing: a JSON number too large for a double.
    EXPECT_NE(ParseError("[{\"duration_ms\": 3e536}]").find("not valid JSON"), std::string::npos);
}

TEST(BandwidthTrace, MissingFileIsAnInputError)
{
    EXPECT_THROW(BandwidthTrace::Load("/nonexistent/trace"), InputError);
    EXPECT_THROW(ParseTraceFormat("bogus"), InputError);
}
