// Safetensors: round trips, the byte layout of the format, and every malformed file rejected.
#include "weights/safetensors.h"

#include "ns3/input-error.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>

namespace lvc
{
namespace
{

SafetensorsFile
Sample()
{
    SafetensorsFile file;
    file.metadata = {{"architecture", "test"}, {"format_version", "1"}};
    std::vector<float> a = {1.5F, -2.25F, 0.0F, 3.0e-5F, 65504.0F, -1.0e-8F};
    file.tensors["b.weight"] = SafeTensor::FromFloat({2, 3}, a.data(), "F32");
    file.tensors["a.half"] = SafeTensor::FromFloat({6}, a.data(), "F16");
    return file;
}

std::vector<std::uint8_t>
Bytes(const std::string& header, const std::vector<std::uint8_t>& data)
{
    std::vector<std::uint8_t> out(8);
    std::uint64_t n = header.size();
    for (int i = 0; i < 8; ++i)
    {
        out[i] = static_cast<std::uint8_t>(n >> (8 * i));
    }
    out.insert(out.end(), header.begin(), header.end());
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

TEST(Safetensors, RoundTripKeepsTensorsAndMetadata)
{
    SafetensorsFile file = Sample();
    std::vector<std::uint8_t> bytes = file.Serialize();
    EXPECT_EQ(bytes[0] % 8, 0); // header padded to 8 bytes (data stays aligned)
    SafetensorsFile back = SafetensorsFile::Parse(bytes.data(), bytes.size(), "x.safetensors");
    EXPECT_EQ(back.metadata, file.metadata);
    ASSERT_EQ(back.tensors.size(), 2U);
    EXPECT_EQ(back.tensors["b.weight"].data, file.tensors["b.weight"].data);
    EXPECT_EQ(back.tensors["b.weight"].shape, (std::vector<std::int64_t>{2, 3}));
    EXPECT_EQ(back.Serialize(), bytes);
}

TEST(Safetensors, HalfPrecisionRoundsToNearest)
{
    SafetensorsFile file = Sample();
    std::vector<float> half = file.tensors["a.half"].ToFloat();
    std::vector<float> full = file.tensors["b.weight"].ToFloat();
    for (std::size_t i = 0; i < half.size(); ++i)
    {
        EXPECT_NEAR(half[i], full[i], std::abs(full[i]) / 1024 + 6e-8) << i;
    }
    EXPECT_EQ(half[0], 1.5F);
    EXPECT_EQ(half[4], 65504.0F); // the largest half
    // 1 + 2^-11 is halfway between two halves: ties go to the even one (1.0).
    float tie = 1.0F + std::ldexp(1.0F, -11);
    EXPECT_EQ(SafeTensor::FromFloat({1}, &tie, "F16").ToFloat()[0], 1.0F);
}

// The layout the Python library writes: a hand-made file with one F32 tensor.
TEST(Safetensors, ReadsTheFormatAsSpecified)
{
    std::vector<std::uint8_t> data(8);
    float values[2] = {1.0F, -2.0F};
    std::memcpy(data.data(), values, 8);
    std::string header = R"({"__metadata__":{"k":"v"},"t":{"dtype":"F32","shape":[2],)"
                         R"("data_offsets":[0,8]}})";
    std::vector<std::uint8_t> bytes = Bytes(header, data);
    SafetensorsFile file = SafetensorsFile::Parse(bytes.data(), bytes.size(), "py.safetensors");
    EXPECT_EQ(file.metadata.at("k"), "v");
    EXPECT_EQ(file.tensors.at("t").ToFloat(), (std::vector<float>{1.0F, -2.0F}));
}

TEST(Safetensors, RejectsMalformedFiles)
{
    std::vector<std::uint8_t> eight(8, 0);
    auto rejects = [](const std::string& header,
                      const std::vector<std::uint8_t>& data,
                      const std::string& says) {
        std::vector<std::uint8_t> bytes = Bytes(header, data);
        try
        {
            SafetensorsFile::Parse(bytes.data(), bytes.size(), "bad.safetensors");
            ADD_FAILURE() << "accepted " << header;
        }
        catch (const ns3::InputError& error)
        {
            EXPECT_NE(std::string(error.what()).find("bad.safetensors"), std::string::npos);
            EXPECT_NE(std::string(error.what()).find(says), std::string::npos) << error.what();
        }
    };
    rejects("{", eight, "not JSON");
    rejects("[]", eight, "not a JSON object");
    rejects(R"({"t":{"dtype":"F99","shape":[2],"data_offsets":[0,8]}})", eight, "unknown dtype");
    rejects(R"({"t":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", eight, "do not fill");
    rejects(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}})", eight, "outside");
    rejects(R"({"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", eight, "after the last");
    rejects(R"({"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
            R"("u":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})",
            eight,
            "overlaps");
    rejects(R"({"t":{"dtype":"F32","shape":[-1],"data_offsets":[0,8]}})", eight, "shape");
    rejects(R"({"__metadata__":{"k":1}})", {}, "not a string");
    rejects(R"({"t":{"shape":[2]}})", eight, "needs dtype");
    std::vector<std::uint8_t> short_file = {200, 0, 0, 0, 0, 0, 0, 0, '{'};
    EXPECT_THROW(SafetensorsFile::Parse(short_file.data(), short_file.size(), "s"),
                 ns3::InputError);
    EXPECT_THROW(SafetensorsFile::Parse(short_file.data(), 3, "s"), ns3::InputError);
    EXPECT_THROW(SafetensorsFile::Load("/no/such/weights.safetensors"), ns3::InputError);
}

TEST(Safetensors, Sha256OfKnownText)
{
    const std::string abc = "abc";
    EXPECT_EQ(Sha256Hex(reinterpret_cast<const std::uint8_t*>(abc.data()), abc.size()),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

} // namespace
} // namespace lvc
