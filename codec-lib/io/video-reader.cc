#include "io/video-reader.h"

#include "io/av-holders.h"
#include "io/frame-converter.h"
#include "io/motion-vector-export.h"

#include "ns3/input-error.h"

extern "C"
{
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <cmath>
#include <deque>
#include <filesystem>
#include <utility>

namespace lvc
{

using ns3::InputError;

namespace
{

bool
IsPositiveRate(AVRational rate)
{
    return rate.num > 0 && rate.den > 0;
}

} // namespace

struct VideoReader::Impl
{
    ReadOptions options;
    StreamInfo info;
    InputFormatPtr format;
    CodecContextPtr decoder;
    int stream_index = -1;
    AvPacketPtr packet = AllocPacket();
    AvFramePtr picture = AllocFrame();
    FrameConverter converter;
    bool demuxer_done = false;
    bool decoder_done = false;
    std::int64_t decoded = 0; // pictures out of the decoder, skipped ones included
    std::int64_t returned = 0;
    std::int64_t rejected_packets = 0;
    std::deque<std::pair<Frame, MotionField>> ready;
    std::unique_ptr<MotionVectorExport> motion_export;

    void Open();
    void DecideGeometry(const AVFrame& first);
    void DecideFrameRate();
    bool DecodeOne(); // one more picture into `ready`; false at the end
    void Accept(const AVFrame& decoded_picture, int reference_offset);
};

void
VideoReader::Impl::Open()
{
    const std::string& path = info.path;
    std::error_code error;
    if (!std::filesystem::exists(path, error))
    {
        throw InputError::InFile(path, "no such file");
    }
    if (!std::filesystem::is_regular_file(path, error))
    {
        throw InputError::InFile(path, "not a regular file");
    }
    AVFormatContext* raw = nullptr;
    int status = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (status < 0)
    {
        throw InputError::InFile(path, "not a video: cannot open it: " + AvErrorText(status));
    }
    format.reset(raw);
    status = avformat_find_stream_info(format.get(), nullptr);
    if (status < 0)
    {
        throw InputError::InFile(path,
                                 "not a video: cannot read its streams: " + AvErrorText(status));
    }
    stream_index = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (stream_index < 0)
    {
        throw InputError::InFile(path, "not a video: no video stream found");
    }
    const AVCodecParameters* parameters = format->streams[stream_index]->codecpar;
    const AVCodec* codec = avcodec_find_decoder(parameters->codec_id);
    if (!codec)
    {
        throw InputError::InFile(path,
                                 std::string("no decoder for the video codec ") +
                                     avcodec_get_name(parameters->codec_id));
    }
    decoder.reset(avcodec_alloc_context3(codec));
    if (!decoder || avcodec_parameters_to_context(decoder.get(), parameters) < 0)
    {
        throw InputError::InFile(path, "cannot set up the decoder");
    }
    decoder->thread_count = options.motion_vectors ? 1 : std::max(1, options.threads);
    AVDictionary* codec_options = nullptr;
    if (options.motion_vectors)
    {
        av_dict_set(&codec_options, "flags2", "+export_mvs", 0);
    }
    status = avcodec_open2(decoder.get(), codec, &codec_options);
    av_dict_free(&codec_options);
    if (status < 0)
    {
        throw InputError::InFile(path, "cannot open the decoder: " + AvErrorText(status));
    }
    info.container = format->iformat->name;
    info.codec = codec->name;
    if (options.motion_vectors)
    {
        motion_export = std::make_unique<MotionVectorExport>(*parameters);
    }
}

void
VideoReader::Impl::DecideFrameRate()
{
    if (options.fps > 0)
    {
        info.fps = options.fps;
        info.fps_origin = "option";
        return;
    }
    // A raw elementary stream's demuxer has a "framerate" option whose default (25) it reports
    // when the stream has no timing of its own: only the bitstream's (H.264 VUI) counts then.
    bool raw_stream = format->iformat->priv_class &&
                      av_opt_find(format->priv_data, "framerate", nullptr, 0, 0) != nullptr;
    const AVStream* stream = format->streams[stream_index];
    if (!raw_stream && IsPositiveRate(stream->avg_frame_rate))
    {
        info.fps = av_q2d(stream->avg_frame_rate);
        info.fps_origin = "container";
    }
    else if (!raw_stream && IsPositiveRate(stream->r_frame_rate))
    {
        info.fps = av_q2d(stream->r_frame_rate);
        info.fps_origin = "container";
    }
    else if (IsPositiveRate(decoder->framerate))
    {
        info.fps = av_q2d(decoder->framerate);
        info.fps_origin = "bitstream";
    }
    else
    {
        throw InputError::AtField(info.path,
                                  "fps",
                                  "the stream carries no frame rate (" + info.container +
                                      " without timing); give one (lvc: --fps)");
    }
}

void
VideoReader::Impl::DecideGeometry(const AVFrame& first)
{
    const std::string& path = info.path;
    info.source_width = first.width;
    info.source_height = first.height;
    const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(first.format));
    info.source_pixel_format = name ? name : "unknown";
    info.source_full_range =
        first.color_range == AVCOL_RANGE_JPEG || first.format == AV_PIX_FMT_YUVJ420P ||
        first.format == AV_PIX_FMT_YUVJ422P || first.format == AV_PIX_FMT_YUVJ444P;
    int base_width = first.width;
    int base_height = first.height;
    const CropRect& crop = options.crop;
    if (crop.IsSet())
    {
        if (crop.x + crop.width > first.width || crop.y + crop.height > first.height)
        {
            throw InputError::AtField(path,
                                      "crop",
                                      "does not fit the " + std::to_string(first.width) + "x" +
                                          std::to_string(first.height) + " picture");
        }
        base_width = crop.width;
        base_height = crop.height;
    }
    int width = options.width;
    int height = options.height;
    if (width == 0 && height != 0)
    {
        width = std::max(2, EvenRound(static_cast<double>(base_width) * height / base_height));
    }
    else if (height == 0 && width != 0)
    {
        height = std::max(2, EvenRound(static_cast<double>(base_height) * width / base_width));
    }
    else if (width == 0 && height == 0)
    {
        width = base_width;
        height = base_height;
        if (width % 2 != 0 || height % 2 != 0)
        {
            throw InputError::InFile(path,
                                     "odd dimensions " + std::to_string(width) + "x" +
                                         std::to_string(height) +
                                         ": 4:2:0 frames need an even width and height; crop or "
                                         "scale to an even size");
        }
    }
    info.width = width;
    info.height = height;
    converter = FrameConverter(width, height, crop);
}

void
VideoReader::Impl::Accept(const AVFrame& decoded_picture, int reference_offset)
{
    Frame frame;
    try
    {
        frame = converter.Convert(decoded_picture);
    }
    catch (const std::runtime_error& error)
    {
        throw InputError::AtLine(info.path,
                                 static_cast<std::size_t>(decoded),
                                 std::string("frame: ") + error.what());
    }
    MotionField motion;
    if (options.motion_vectors)
    {
        motion = motion_export->FieldOf(decoded_picture,
                                        reference_offset,
                                        options.crop,
                                        info.width,
                                        info.height);
    }
    ready.emplace_back(std::move(frame), std::move(motion));
}

bool
VideoReader::Impl::DecodeOne()
{
    while (!decoder_done)
    {
        int status = avcodec_receive_frame(decoder.get(), picture.get());
        if (status == 0)
        {
            ++decoded;
            if (info.width == 0)
            {
                DecideGeometry(*picture);
            }
            int reference_offset = motion_export ? motion_export->Track(*picture, decoded - 1) : 0;
            bool keep = decoded > options.start_frame;
            if (keep)
            {
                Accept(*picture, reference_offset);
            }
            av_frame_unref(picture.get());
            if (keep)
            {
                return true;
            }
            continue;
        }
        if (status == AVERROR_EOF)
        {
            decoder_done = true;
            break;
        }
        if (status != AVERROR(EAGAIN))
        {
            throw InputError::InFile(info.path, "decoding failed: " + AvErrorText(status));
        }
        if (demuxer_done)
        {
            decoder_done = true; // the decoder wants input after the flush: nothing more comes
            break;
        }
        status = av_read_frame(format.get(), packet.get());
        if (status < 0)
        {
            demuxer_done = true; // end of file (or unreadable tail): flush the decoder
            avcodec_send_packet(decoder.get(), nullptr);
            continue;
        }
        if (packet->stream_index == stream_index)
        {
            if (motion_export)
            {
                motion_export->NumberPacket(*packet);
            }
            status = avcodec_send_packet(decoder.get(), packet.get());
            if (status == AVERROR_INVALIDDATA)
            {
                ++rejected_packets;
            }
            else if (status < 0 && status != AVERROR(EAGAIN))
            {
                av_packet_unref(packet.get());
                throw InputError::InFile(info.path, "decoding failed: " + AvErrorText(status));
            }
        }
        av_packet_unref(packet.get());
    }
    return false;
}

VideoReader::VideoReader(const std::string& path, const ReadOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    CheckReadOptions(path, options);
    m_impl->options = options;
    m_impl->info.path = path;
    m_impl->Open();
    if (!m_impl->DecodeOne())
    {
        if (m_impl->decoded == 0)
        {
            throw InputError::InFile(path, "not a video: no frame could be decoded (zero frames)");
        }
        throw InputError::AtField(path,
                                  "start frame",
                                  "the video has only " + std::to_string(m_impl->decoded) +
                                      " frames, none after frame " +
                                      std::to_string(options.start_frame));
    }
    m_impl->DecideFrameRate();
}

VideoReader::~VideoReader() = default;

const StreamInfo&
VideoReader::Info() const
{
    return m_impl->info;
}

bool
VideoReader::Read(Frame& frame, MotionField* motion)
{
    Impl& impl = *m_impl;
    if (impl.options.max_frames > 0 && impl.returned >= impl.options.max_frames)
    {
        return false;
    }
    if (impl.ready.empty() && !impl.DecodeOne())
    {
        return false;
    }
    frame = std::move(impl.ready.front().first);
    if (motion)
    {
        *motion = std::move(impl.ready.front().second);
    }
    impl.ready.pop_front();
    ++impl.returned;
    return true;
}

std::int64_t
VideoReader::FramesRead() const
{
    return m_impl->returned;
}

std::int64_t
VideoReader::RejectedPackets() const
{
    return m_impl->rejected_packets;
}

} // namespace lvc
