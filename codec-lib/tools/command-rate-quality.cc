// lvc rate-quality / overhead / bd-rate: tables and comparisons from profiles.
#include "metrics/bjontegaard.h"
#include "profile/rate-quality.h"
#include "tools/commands.h"

#include "ns3/input-error.h"
#include "ns3/video-profile.h"

#include <cmath>
#include <iomanip>
#include <memory>

namespace lvc
{

namespace
{

void
RunRateQuality(const Console& console, const std::vector<std::string>& paths)
{
    console.out << "| clip | codec | level | kbps | bpp | PSNR-Y (dB) | SSIM-Y |\n"
                << "|---|---|---|---|---|---|---|\n";
    for (const std::string& path : paths)
    {
        ns3::VideoProfile profile = ns3::VideoProfile::Load(path);
        for (const RatePoint& p : RateQualityCurve(profile))
        {
            console.out << "| " << profile.GetVideo().name << " | " << profile.GetCodec().name
                        << " | " << p.level << " | " << std::fixed << std::setprecision(0)
                        << p.bitrate_bps / 1000 << " | " << std::setprecision(4) << p.bits_per_pixel
                        << " | " << std::setprecision(2) << p.psnr_db << " | "
                        << std::setprecision(4) << p.ssim << " |\n";
        }
    }
    console.out.unsetf(std::ios::floatfield);
}

void
RunOverhead(const Console& console,
            const std::string& layered_path,
            const std::string& reference_path)
{
    ns3::VideoProfile layered = ns3::VideoProfile::Load(layered_path);
    ns3::VideoProfile reference = ns3::VideoProfile::Load(reference_path);
    std::vector<RatePoint> layered_curve = RateQualityCurve(layered);
    std::vector<RatePoint> reference_curve = RateQualityCurve(reference);
    std::vector<double> ratios = OverheadAtEqualPsnr(layered_curve, reference_curve);
    console.out << "| clip | layers | layered kbps | PSNR-Y (dB) | " << reference.GetCodec().name
                << " kbps at that PSNR | overhead |\n|---|---|---|---|---|---|\n";
    double total_s = layered.GetTotalDuration_s();
    for (std::size_t i = 0; i < layered_curve.size(); ++i)
    {
        const RatePoint& p = layered_curve[i];
        double reference_kbps = BytesAtPsnr(reference_curve, p.psnr_db) * 8 / total_s / 1000;
        console.out << "| " << layered.GetVideo().name << " | 1.." << p.level << " | " << std::fixed
                    << std::setprecision(0) << p.bitrate_bps / 1000 << " | " << std::setprecision(2)
                    << p.psnr_db << " | ";
        if (std::isnan(ratios[i]))
        {
            console.out << "outside the reference's range | - |\n";
        }
        else
        {
            console.out << std::setprecision(0) << reference_kbps << " | " << std::setprecision(2)
                        << ratios[i] << "x |\n";
        }
    }
    console.out.unsetf(std::ios::floatfield);
}

struct BdArgs
{
    std::string reference;
    std::string test;
    int reference_min_level = 1;
    int test_min_level = 1;
};

/// A profile's curve from level `min_level` on: (bits per pixel, PSNR-Y).
std::vector<RdPoint>
CurveFrom(const std::string& path, int min_level, const std::string& option)
{
    ns3::VideoProfile profile = ns3::VideoProfile::Load(path);
    std::vector<RdPoint> out;
    for (const RatePoint& p : RateQualityCurve(profile))
    {
        if (static_cast<int>(p.level) >= min_level)
        {
            out.push_back(RdPoint{p.bits_per_pixel, p.psnr_db});
        }
    }
    if (out.size() < 4)
    {
        throw ns3::InputError(option + ": " + path + " has " + std::to_string(out.size()) +
                              " levels from level " + std::to_string(min_level) +
                              " on; the Bjontegaard fit needs 4");
    }
    return out;
}

void
RunBdRate(const Console& console, const BdArgs& args)
{
    const std::vector<RdPoint> reference =
        CurveFrom(args.reference, args.reference_min_level, "--reference-min-level");
    const std::vector<RdPoint> test = CurveFrom(args.test, args.test_min_level, "--test-min-level");
    double rate = 0;
    double psnr = 0;
    try
    {
        rate = BdRate(reference, test);
        psnr = BdPsnr(reference, test);
    }
    catch (const std::invalid_argument& e)
    {
        throw ns3::InputError(args.test + " against " + args.reference + ": " + e.what());
    }
    console.out << std::fixed << std::setprecision(2) << "BD-rate " << std::showpos << rate * 100
                << " %, BD-PSNR " << psnr << std::noshowpos << " dB (" << args.test << " against "
                << args.reference << ", bpp and PSNR-Y, levels " << args.test_min_level
                << ".. against " << args.reference_min_level << "..)\n";
    console.out.unsetf(std::ios::floatfield);
}

} // namespace

void
AddRateQualityCommands(CLI::App& app, Console& console)
{
    auto paths = std::make_shared<std::vector<std::string>>();
    CLI::App* table =
        app.add_subcommand("rate-quality", "rate-quality points of profiles (markdown table)");
    table->add_option("profiles", *paths, "profile files (JSON v1)")->required();
    table->callback([&console, paths] { RunRateQuality(console, *paths); });

    auto layered = std::make_shared<std::string>();
    auto reference = std::make_shared<std::string>();
    CLI::App* overhead = app.add_subcommand(
        "overhead",
        "a layered profile's bytes / a single-layer ladder's bytes at equal PSNR");
    overhead->add_option("layered", *layered, "the layered profile")->required();
    overhead->add_option("reference", *reference, "the single-layer ladder profile")->required();
    overhead->callback(
        [&console, layered, reference] { RunOverhead(console, *layered, *reference); });

    auto bd = std::make_shared<BdArgs>();
    CLI::App* bd_rate = app.add_subcommand("bd-rate",
                                           "Bjontegaard BD-rate and BD-PSNR of a profile against a "
                                           "reference (cubic fits, bpp and PSNR-Y)");
    bd_rate->add_option("reference", bd->reference, "the reference profile")->required();
    bd_rate->add_option("test", bd->test, "the profile compared with it")->required();
    bd_rate
        ->add_option("--reference-min-level",
                     bd->reference_min_level,
                     "use the reference's levels from this one on")
        ->capture_default_str();
    bd_rate
        ->add_option("--test-min-level",
                     bd->test_min_level,
                     "use the test's levels from this one on")
        ->capture_default_str();
    bd_rate->callback([&console, bd] { RunBdRate(console, *bd); });
}

} // namespace lvc
