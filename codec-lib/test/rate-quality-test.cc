// Rate-quality curves and the overhead at equal PSNR, on profiles with hand-checkable numbers.
#include "profile/rate-quality.h"

#include <cmath>
#include <gtest/gtest.h>

namespace lvc
{
namespace
{

ns3::LayerInfo
Layer(std::uint64_t bytes, double psnr_db)
{
    ns3::LayerInfo layer;
    layer.bytes = bytes;
    layer.psnr_db = psnr_db;
    layer.ssim = 0.9;
    return layer;
}

/// 100x100 pixels, 25 fps, two 2 s chunks (100 frames).
ns3::VideoProfile
Profile(bool layered, std::vector<std::vector<ns3::LayerInfo>> chunks)
{
    ns3::VideoInfo video;
    video.name = "hand";
    video.width = 100;
    video.height = 100;
    video.fps = 25;
    video.frames = 100;
    ns3::CodecInfo codec;
    codec.name = layered ? "layered" : "ladder";
    std::vector<ns3::ChunkInfo> table;
    for (auto& layers : chunks)
    {
        ns3::ChunkInfo chunk;
        chunk.layers = layers;
        table.push_back(chunk);
    }
    return ns3::VideoProfile::FromChunks(video, codec, 2, layered, table);
}

TEST(RateQuality, CurveSumsBytesAndAveragesQuality)
{
    auto ladder =
        Profile(false, {{Layer(1000, 30), Layer(4000, 40)}, {Layer(3000, 32), Layer(6000, 42)}});
    std::vector<RatePoint> curve = RateQualityCurve(ladder);
    ASSERT_EQ(curve.size(), 2u);
    EXPECT_EQ(curve[0].bytes, 4000u);
    EXPECT_DOUBLE_EQ(curve[0].bitrate_bps, 4000 * 8 / 4.0);
    EXPECT_DOUBLE_EQ(curve[0].bits_per_pixel, 4000 * 8 / (100.0 * 100 * 100));
    EXPECT_DOUBLE_EQ(curve[0].psnr_db, 31);
    EXPECT_EQ(curve[1].bytes, 10000u);
    EXPECT_DOUBLE_EQ(curve[1].psnr_db, 41);

    auto layered =
        Profile(true, {{Layer(1000, 30), Layer(4000, 40)}, {Layer(3000, 32), Layer(6000, 42)}});
    EXPECT_EQ(RateQualityCurve(layered)[1].bytes, 14000u); // layers 1 and 2
}

TEST(RateQuality, InterpolatesLogBytesBetweenLadderPoints)
{
    std::vector<RatePoint> reference(2);
    reference[0].bytes = 1000;
    reference[0].psnr_db = 30;
    reference[1].bytes = 4000;
    reference[1].psnr_db = 40;
    EXPECT_NEAR(BytesAtPsnr(reference, 35), 2000, 1e-9); // the geometric mean
    EXPECT_NEAR(BytesAtPsnr(reference, 30), 1000, 1e-9);
    EXPECT_NEAR(BytesAtPsnr(reference, 40), 4000, 1e-9);
    EXPECT_TRUE(std::isnan(BytesAtPsnr(reference, 29.9)));
    EXPECT_TRUE(std::isnan(BytesAtPsnr(reference, 40.1)));

    std::vector<RatePoint> layered(2);
    layered[0].bytes = 1000;
    layered[0].psnr_db = 30;
    layered[1].bytes = 5000;
    layered[1].psnr_db = 35;
    std::vector<double> ratios = OverheadAtEqualPsnr(layered, reference);
    EXPECT_NEAR(ratios[0], 1.0, 1e-12);
    EXPECT_NEAR(ratios[1], 2.5, 1e-12);
}

} // namespace
} // namespace lvc
