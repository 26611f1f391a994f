// codec-lib's metrics against FFmpeg's own psnr and ssim filters (libavfilter), on the same
// frame pairs: real clips against their real x264 encodes.
#include "baseline/chunk-encoder.h"
#include "io/av-holders.h"
#include "io/color.h"
#include "io/frame-converter.h"
#include "metrics/psnr.h"
#include "metrics/ssim.h"
#include "test/test-support.h"

extern "C"
{
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/pixdesc.h>
}

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <gtest/gtest.h>
#include <iostream>
#include <map>

namespace lvc
{
namespace
{

using Metadata = std::map<std::string, double>;

struct GraphFreer
{
    void operator()(AVFilterGraph* graph) const
    {
        avfilter_graph_free(&graph);
    }
};

/// Runs `filter` (psnr or ssim) on frame pairs; returns each output frame's lavfi metadata.
std::vector<Metadata>
RunFilter(const std::string& filter,
          std::vector<AvFramePtr>& main,
          std::vector<AvFramePtr>& reference)
{
    std::unique_ptr<AVFilterGraph, GraphFreer> graph(avfilter_graph_alloc());
    const AVFrame& first = *main[0];
    std::string args = "video_size=" + std::to_string(first.width) + "x" +
                       std::to_string(first.height) +
                       ":pix_fmt=" + av_get_pix_fmt_name(static_cast<AVPixelFormat>(first.format)) +
                       ":time_base=1/25:pixel_aspect=1/1";
    AVFilterContext* in_main = nullptr;
    AVFilterContext* in_ref = nullptr;
    AVFilterContext* metric = nullptr;
    AVFilterContext* sink = nullptr;
    const AVFilter* buffer = avfilter_get_by_name("buffer");
    EXPECT_GE(
        avfilter_graph_create_filter(&in_main, buffer, "main", args.c_str(), nullptr, graph.get()),
        0);
    EXPECT_GE(
        avfilter_graph_create_filter(&in_ref, buffer, "ref", args.c_str(), nullptr, graph.get()),
        0);
    EXPECT_GE(avfilter_graph_create_filter(&metric,
                                           avfilter_get_by_name(filter.c_str()),
                                           "metric",
                                           nullptr,
                                           nullptr,
                                           graph.get()),
              0);
    EXPECT_GE(avfilter_graph_create_filter(&sink,
                                           avfilter_get_by_name("buffersink"),
                                           "out",
                                           nullptr,
                                           nullptr,
                                           graph.get()),
              0);
    EXPECT_GE(avfilter_link(in_main, 0, metric, 0), 0);
    EXPECT_GE(avfilter_link(in_ref, 0, metric, 1), 0);
    EXPECT_GE(avfilter_link(metric, 0, sink, 0), 0);
    EXPECT_GE(avfilter_graph_config(graph.get(), nullptr), 0);
    for (std::size_t i = 0; i < main.size(); ++i)
    {
        main[i]->pts = reference[i]->pts = static_cast<std::int64_t>(i);
        EXPECT_GE(av_buffersrc_write_frame(in_main, main[i].get()), 0);
        EXPECT_GE(av_buffersrc_write_frame(in_ref, reference[i].get()), 0);
    }
    EXPECT_GE(av_buffersrc_add_frame(in_main, nullptr), 0);
    EXPECT_GE(av_buffersrc_add_frame(in_ref, nullptr), 0);
    std::vector<Metadata> out;
    AvFramePtr frame = AllocFrame();
    while (av_buffersink_get_frame(sink, frame.get()) >= 0)
    {
        Metadata values;
        const AVDictionaryEntry* entry = nullptr;
        while ((entry = av_dict_get(frame->metadata, "", entry, AV_DICT_IGNORE_SUFFIX)))
        {
            values[entry->key] = std::strtod(entry->value, nullptr);
        }
        out.push_back(values);
        av_frame_unref(frame.get());
    }
    return out;
}

AvFramePtr
ToGbrpFrame(const RgbImage& image)
{
    AvFramePtr frame = AllocFrame();
    frame->format = AV_PIX_FMT_GBRP;
    frame->width = image.width;
    frame->height = image.height;
    EXPECT_GE(av_frame_get_buffer(frame.get(), 0), 0);
    const int order[3] = {1, 2, 0}; // GBRP planes hold G, B, R
    for (int p = 0; p < 3; ++p)
    {
        for (int y = 0; y < image.height; ++y)
        {
            std::memcpy(frame->data[p] + static_cast<std::ptrdiff_t>(y) * frame->linesize[p],
                        image.planes[order[p]].data() + static_cast<std::size_t>(y) * image.width,
                        image.width);
        }
    }
    return frame;
}

struct Pairs
{
    std::vector<Frame> source;
    std::vector<Frame> decoded;
};

/// Source frames and their decoded x264 encode at a low rate (visible, real coding error).
Pairs
RealPairs(const std::string& clip, int frames, double bitrate_bps)
{
    Pairs pairs;
    pairs.source = test::ReadFrames(test::Shared(clip), frames);
    StandardCodecSettings settings;
    settings.preset = "veryfast";
    pairs.decoded = EncodeChunk(pairs.source, 25, bitrate_bps, settings).decoded;
    return pairs;
}

class MetricsVsFfmpeg : public ::testing::TestWithParam<std::pair<std::string, double>>
{
};

TEST_P(MetricsVsFfmpeg, PsnrAndSsimAgreeWithLibavfilter)
{
    Pairs pairs = RealPairs(GetParam().first, 6, GetParam().second);
    std::vector<AvFramePtr> main_yuv, ref_yuv, main_rgb, ref_rgb;
    for (std::size_t i = 0; i < pairs.source.size(); ++i)
    {
        main_yuv.push_back(ToAvFrame(pairs.decoded[i]));
        ref_yuv.push_back(ToAvFrame(pairs.source[i]));
        main_rgb.push_back(ToGbrpFrame(ToRgb(pairs.decoded[i])));
        ref_rgb.push_back(ToGbrpFrame(ToRgb(pairs.source[i])));
    }
    std::vector<Metadata> psnr = RunFilter("psnr", main_yuv, ref_yuv);
    std::vector<Metadata> ssim = RunFilter("ssim", main_yuv, ref_yuv);
    std::vector<Metadata> psnr_rgb = RunFilter("psnr", main_rgb, ref_rgb);
    ASSERT_EQ(psnr.size(), pairs.source.size());
    ASSERT_EQ(ssim.size(), pairs.source.size());
    ASSERT_EQ(psnr_rgb.size(), pairs.source.size());
    double worst[5] = {0};
    double mean_psnr_db = 0;
    double mean_ssim = 0;
    for (std::size_t i = 0; i < pairs.source.size(); ++i)
    {
        const Frame& ref = pairs.source[i];
        const Frame& dec = pairs.decoded[i];
        double y = PsnrY_db(ref, dec);
        double diffs[5] = {
            std::abs(y - psnr[i].at("lavfi.psnr.psnr.y")),
            std::abs(PsnrYuv_db(ref, dec) - psnr[i].at("lavfi.psnr.psnr_avg")),
            std::abs(PsnrRgb_db(ref, dec) - psnr_rgb[i].at("lavfi.psnr.psnr_avg")),
            std::abs(SsimPlaneBlock8x8(dec.Plane(0), ref.Plane(0), ref.Width(), ref.Height()) -
                     ssim[i].at("lavfi.ssim.Y")),
            std::abs(SsimY(ref, dec) - ssim[i].at("lavfi.ssim.Y")),
        };
        mean_psnr_db += y / pairs.source.size();
        mean_ssim += ssim[i].at("lavfi.ssim.Y") / pairs.source.size();
        EXPECT_LT(y, 50) << "frame " << i
                         << ": the pair must differ for the check to mean anything";
        for (int k = 0; k < 5; ++k)
        {
            worst[k] = std::max(worst[k], diffs[k]);
        }
    }
    std::cout << GetParam().first << " at " << GetParam().second / 1000 << " kbps (PSNR-Y "
              << mean_psnr_db << " dB, FFmpeg SSIM-Y " << mean_ssim
              << "), largest |codec-lib - libavfilter| over " << pairs.source.size()
              << " frames: PSNR-Y " << worst[0] << " dB, PSNR-YUV " << worst[1] << " dB, PSNR-RGB "
              << worst[2] << " dB, SSIM-Y 8x8-block " << worst[3] << ", SSIM-Y Gaussian (reported) "
              << worst[4] << std::endl;
    EXPECT_LT(worst[0], 0.01);
    EXPECT_LT(worst[1], 0.01);
    EXPECT_LT(worst[2], 0.01);
    EXPECT_LT(worst[3], 0.001);
    // The filter approximates Wang's Gaussian window with unweighted 8x8 boxes: not the same
    // metric (it agrees with SsimPlaneBlock8x8 above). The Gaussian SSIM that profiles report
    // must stay within 15 % of the distortion (1 - SSIM) of it, plus 0.002 (figures in
    // codec-lib/README.md).
    EXPECT_LT(worst[4], 0.15 * (1 - mean_ssim) + 0.002);
}

INSTANTIATE_TEST_SUITE_P(
    Clips,
    MetricsVsFfmpeg,
    ::testing::Values(std::make_pair("videos/y4m/foreman_cif_60f.y4m", 150e3),
                      std::make_pair("videos/y4m/foreman_cif_60f.y4m", 1500e3),
                      std::make_pair("videos/y4m/street_384x216_54f.y4m", 100e3),
                      std::make_pair("videos/y4m/street_384x216_54f.y4m", 1000e3),
                      std::make_pair("videos/y4m/mobile_cif_30f.y4m", 300e3),
                      std::make_pair("videos/y4m/mobile_cif_30f.y4m", 3000e3)));

} // namespace
} // namespace lvc
