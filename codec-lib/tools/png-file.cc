#include "tools/png-file.h"

#include "io/av-holders.h"

#include "ns3/input-error.h"

extern "C"
{
#include <libavutil/opt.h>
}

#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace lvc
{

namespace
{

/// The PNG encoder of libavcodec (deflate-compressed, so pictures stay commit-sized).
std::vector<std::uint8_t>
EncodePng(const RgbImage& image)
{
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    if (codec == nullptr)
    {
        throw std::runtime_error("PNG: libavcodec has no PNG encoder");
    }
    CodecContextPtr context(avcodec_alloc_context3(codec));
    context->width = image.width;
    context->height = image.height;
    context->pix_fmt = AV_PIX_FMT_RGB24;
    context->time_base = AVRational{1, 1};
    context->compression_level = 9;
    av_opt_set(context->priv_data, "pred", "mixed", 0); // best filter per row: smaller files
    int rc = avcodec_open2(context.get(), codec, nullptr);
    if (rc < 0)
    {
        throw std::runtime_error("PNG: cannot open the encoder: " + AvErrorText(rc));
    }
    AvFramePtr frame = AllocFrame();
    frame->format = AV_PIX_FMT_RGB24;
    frame->width = image.width;
    frame->height = image.height;
    if ((rc = av_frame_get_buffer(frame.get(), 0)) < 0)
    {
        throw std::runtime_error("PNG: cannot allocate a frame: " + AvErrorText(rc));
    }
    for (int y = 0; y < image.height; ++y)
    {
        std::uint8_t* row = frame->data[0] + static_cast<std::ptrdiff_t>(y) * frame->linesize[0];
        for (int x = 0; x < image.width; ++x)
        {
            for (int c = 0; c < RgbImage::kChannels; ++c)
            {
                row[RgbImage::kChannels * x + c] =
                    image.planes[c][static_cast<std::size_t>(y) * image.width + x];
            }
        }
    }
    AvPacketPtr packet = AllocPacket();
    if ((rc = avcodec_send_frame(context.get(), frame.get())) < 0 ||
        (rc = avcodec_receive_packet(context.get(), packet.get())) < 0)
    {
        throw std::runtime_error("PNG: encoding failed: " + AvErrorText(rc));
    }
    return std::vector<std::uint8_t>(packet->data, packet->data + packet->size);
}

} // namespace

void
WritePng(const std::string& path, const RgbImage& image)
{
    std::vector<std::uint8_t> png = EncodePng(image);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    if (!out)
    {
        throw ns3::InputError::InFile(path, "cannot write the PNG file");
    }
}

} // namespace lvc
