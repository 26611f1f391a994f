#include "io/video-writer.h"

#include "io/av-holders.h"
#include "io/video-encoder.h"

#include "ns3/input-error.h"

#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace lvc
{

using ns3::InputError;

namespace
{

constexpr const char* kHighQualityCrf = "12";

EncoderConfig
ChooseEncoder(const AVOutputFormat& format, int width, int height, const WriteOptions& options)
{
    EncoderConfig config;
    config.width = width;
    config.height = height;
    config.fps = options.fps;
    config.threads = 2;
    config.global_header = (format.flags & AVFMT_GLOBALHEADER) != 0;
    std::string name = format.name;
    if (name == "yuv4mpegpipe")
    {
        // libavformat's y4m muxer takes only wrapped AVFrames, which cannot travel as bytes.
        throw std::invalid_argument("y4m");
    }
    if (options.quality == WriteQuality::kHigh)
    {
        config.encoder = "libx264";
        config.options = {{"preset", "medium"}, {"crf", kHighQualityCrf}};
    }
    else if (name == "mp4" || name == "mov")
    {
        config.encoder = "libx264";
        config.options = {{"preset", "medium"}, {"qp", "0"}};
    }
    else
    {
        config.encoder = "ffv1";
    }
    return config;
}

} // namespace

struct VideoWriter::Impl
{
    std::string path;
    std::string partial_path; ///< written here, renamed to path by Close
    OutputFormatPtr format;
    std::unique_ptr<VideoEncoder> encoder;
    std::string encoder_name;
    AVStream* stream = nullptr;
    AvPacketPtr packet = AllocPacket();
    std::int64_t frames = 0;
    bool closed = false;

    void Mux(const std::vector<EncodedPacket>& packets);
};

VideoWriter::VideoWriter(const std::string& path,
                         int width,
                         int height,
                         const WriteOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->path = path;
    m_impl->partial_path = path + ".partial";
    if (!(options.fps > 0))
    {
        throw InputError::AtField(path, "fps", "must be > 0");
    }
    AVFormatContext* raw = nullptr;
    if (avformat_alloc_output_context2(&raw, nullptr, nullptr, path.c_str()) < 0 || !raw)
    {
        throw InputError::InFile(path, "unknown video file type (use .mkv, .mp4, .nut or .y4m)");
    }
    m_impl->format.reset(raw);
    EncoderConfig config;
    try
    {
        config = ChooseEncoder(*raw->oformat, width, height, options);
    }
    catch (const std::invalid_argument&)
    {
        throw InputError::InFile(path, "y4m output is not supported: use .mkv (FFV1, lossless)");
    }
    m_impl->encoder = std::make_unique<VideoEncoder>(config);
    m_impl->encoder_name = config.encoder;
    m_impl->stream = avformat_new_stream(raw, nullptr);
    if (!m_impl->stream)
    {
        throw std::bad_alloc();
    }
    const AVCodecContext& context = m_impl->encoder->Context();
    avcodec_parameters_from_context(m_impl->stream->codecpar, &context);
    m_impl->stream->time_base = context.time_base;
    m_impl->stream->avg_frame_rate = context.framerate;
    if (!(raw->oformat->flags & AVFMT_NOFILE))
    {
        int status = avio_open(&raw->pb, m_impl->partial_path.c_str(), AVIO_FLAG_WRITE);
        if (status < 0)
        {
            throw InputError::InFile(path, "cannot write: " + AvErrorText(status));
        }
    }
    int status = avformat_write_header(raw, nullptr);
    if (status < 0)
    {
        throw InputError::InFile(path, "cannot write the header: " + AvErrorText(status));
    }
}

VideoWriter::~VideoWriter()
{
    if (!m_impl->closed)
    {
        // Never closed (an error on the way): nothing is left under either name.
        m_impl->format.reset();
        std::error_code ignored;
        std::filesystem::remove(m_impl->partial_path, ignored);
    }
}

void
VideoWriter::Impl::Mux(const std::vector<EncodedPacket>& packets)
{
    const AVCodecContext& context = encoder->Context();
    for (const EncodedPacket& encoded : packets)
    {
        if (av_new_packet(packet.get(), static_cast<int>(encoded.data.size())) < 0)
        {
            throw std::bad_alloc();
        }
        std::memcpy(packet->data, encoded.data.data(), encoded.data.size());
        packet->pts = encoded.pts;
        packet->dts = encoded.dts;
        packet->duration = 1;
        packet->flags = encoded.key ? AV_PKT_FLAG_KEY : 0;
        packet->stream_index = stream->index;
        av_packet_rescale_ts(packet.get(), context.time_base, stream->time_base);
        int status = av_interleaved_write_frame(format.get(), packet.get());
        if (status < 0)
        {
            throw InputError::InFile(path, "cannot write: " + AvErrorText(status));
        }
    }
}

void
VideoWriter::Write(const Frame& frame)
{
    if (m_impl->closed)
    {
        throw std::logic_error("VideoWriter::Write after Close");
    }
    const AVCodecContext& context = m_impl->encoder->Context();
    if (frame.Width() != context.width || frame.Height() != context.height)
    {
        throw InputError::InFile(m_impl->path,
                                 "frame of " + std::to_string(frame.Width()) + "x" +
                                     std::to_string(frame.Height()) + " in a " +
                                     std::to_string(context.width) + "x" +
                                     std::to_string(context.height) + " video");
    }
    std::vector<EncodedPacket> packets;
    m_impl->encoder->Send(frame, packets);
    m_impl->Mux(packets);
    ++m_impl->frames;
}

void
VideoWriter::Close()
{
    if (m_impl->closed)
    {
        return;
    }
    if (!m_impl->format)
    {
        throw std::logic_error("VideoWriter::Close after a failed Close");
    }
    // On an error below the file stays unpublished and the destructor removes it.
    std::vector<EncodedPacket> packets;
    m_impl->encoder->Finish(packets);
    m_impl->Mux(packets);
    int status = av_write_trailer(m_impl->format.get());
    if (status < 0)
    {
        throw InputError::InFile(m_impl->path, "cannot finish the file: " + AvErrorText(status));
    }
    m_impl->format.reset(); // flushes and closes the partial file
    std::error_code error;
    std::filesystem::rename(m_impl->partial_path, m_impl->path, error);
    if (error)
    {
        throw InputError::InFile(m_impl->path, "cannot finish the file: " + error.message());
    }
    m_impl->closed = true;
}

std::int64_t
VideoWriter::FramesWritten() const
{
    return m_impl->frames;
}

const std::string&
VideoWriter::Encoder() const
{
    return m_impl->encoder_name;
}

} // namespace lvc
