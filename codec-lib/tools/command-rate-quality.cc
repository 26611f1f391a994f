// lvc rate-quality / overhead: tables from profiles (for codec-lib/README.md).
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
}

} // namespace lvc
