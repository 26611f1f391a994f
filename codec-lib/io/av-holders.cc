#include "io/av-holders.h"

#include <cmath>
#include <new>

namespace lvc
{

std::string
AvErrorText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, text, sizeof(text));
    return text;
}

std::string
LibavcodecVersion()
{
    return AV_STRINGIFY(LIBAVCODEC_VERSION);
}

AVRational
FpsToRational(double fps)
{
    // 1001000 keeps NTSC rates exact (29.97 -> 30000/1001 is not recoverable from the double,
    // but 2997/100 is the same rate).
    return av_d2q(fps, 1001000);
}

void
InputFormatCloser::operator()(AVFormatContext* context) const
{
    avformat_close_input(&context);
}

void
OutputFormatCloser::operator()(AVFormatContext* context) const
{
    if (context->pb && !(context->oformat->flags & AVFMT_NOFILE))
    {
        avio_closep(&context->pb);
    }
    avformat_free_context(context);
}

void
CodecContextFreer::operator()(AVCodecContext* context) const
{
    avcodec_free_context(&context);
}

void
FrameFreer::operator()(AVFrame* frame) const
{
    av_frame_free(&frame);
}

void
PacketFreer::operator()(AVPacket* packet) const
{
    av_packet_free(&packet);
}

void
SwsFreer::operator()(SwsContext* context) const
{
    sws_freeContext(context);
}

void
BsfFreer::operator()(AVBSFContext* context) const
{
    av_bsf_free(&context);
}

AvFramePtr
AllocFrame()
{
    AvFramePtr frame(av_frame_alloc());
    if (!frame)
    {
        throw std::bad_alloc();
    }
    return frame;
}

AvPacketPtr
AllocPacket()
{
    AvPacketPtr packet(av_packet_alloc());
    if (!packet)
    {
        throw std::bad_alloc();
    }
    return packet;
}

} // namespace lvc
