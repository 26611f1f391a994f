#ifndef LAYERED_VIDEO_VIDEO_PROFILE_H
#define LAYERED_VIDEO_VIDEO_PROFILE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/// Quality and decode time of decoding a prefix of layers at one decoder exit.
struct ExitInfo
{
    double psnr_db = 0;
    double ssim = 0;
    double decode_ms = 0; ///< whole chunk, all of decode_device's compute
};

/// One layer (layered content) or one representation (ladder content) of a chunk.
struct LayerInfo
{
    std::uint64_t bytes = 0;     ///< this layer's own bytes (layered) / the representation's bytes
    double bitrate_bps = 0;      ///< nominal bitrate of a representation; 0 where not given
    double psnr_db = 0;          ///< layered: of decoding layers 1..j; NaN where unknown
    double ssim = 0;             ///< likewise; NaN where unknown
    double ms_ssim = 0;          ///< 0 where not given
    std::vector<ExitInfo> exits; ///< shallowest first; empty: decodes instantly
};

struct ChunkInfo
{
    double duration_s = 0;
    std::vector<LayerInfo> layers;
};

/// What the profile says of the video it was made from.
struct VideoInfo
{
    std::string name;
    std::string source;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    double fps = 0;
    std::uint64_t frames = 0;
};

/// The codec that made the profile; `settings_json` is kept verbatim (a JSON object).
struct CodecInfo
{
    std::string name;
    std::string version;
    std::string weights;
    std::string weights_sha256;
    std::string settings_json = "{}";
    std::string decode_device;
};

/// The longest session any tool or application plays, in chunks (2 s chunks: 55 hours); a
/// session keeps a record per chunk, so a larger count is refused rather than allowed to
/// exhaust the memory.
constexpr std::uint64_t kMaxSessionChunks = 100000;

/// InputError naming `where` and "chunk count" unless 1 <= count <= kMaxSessionChunks.
void CheckSessionChunks(std::uint64_t count, const std::string& where);

/// InputError naming `where` and "client speed" unless 1e-3 <= speed <= 1e6 (a decoder that much
/// faster than the profiled machine).
void CheckClientSpeed(double speed, const std::string& where);

/**
 * \brief Per chunk and per layer: bytes, quality and decode time of a video (DESIGN.md).
 *
 * Quality levels are numbered 1..L for both kinds of content:
 * - layered (cumulative) content: level q holds layers 1..q; its quality is layer q's entry
 *   (the quality of decoding layers 1..q); its size is the sum of layers 1..q.
 * - ladder content: level q is representation q (the q-th entry); sizes are its own.
 *
 * Readers: JSON v1 (`profile.schema.json`), Sabre manifests and Pensieve `video_size_<level>`
 * folders (both ladder content without quality: psnr/ssim are NaN). Writer: JSON v1.
 */
class VideoProfile
{
  public:
    static constexpr int kFormatVersion = 1;

    /**
     * Reads a profile: a JSON v1 profile, a Sabre manifest (JSON with segment_sizes_bits) or a
     * folder of Pensieve `video_size_<level>` files. Throws InputError naming the file and
     * field/line.
     */
    static VideoProfile Load(const std::string& path);
    /// Parses JSON text: a v1 profile or a Sabre manifest.
    static VideoProfile ParseJson(std::string_view text, const std::string& name);
    /// Reads Pensieve's `video_size_0..N-1` files in a folder (chunk_duration_s: Pensieve's 4).
    static VideoProfile LoadPensieveFolder(const std::string& folder, double chunk_duration_s = 4);
    /// Builds a profile from chunk tables (checks the same rules as the readers).
    static VideoProfile FromChunks(const VideoInfo& video,
                                   const CodecInfo& codec,
                                   double chunk_duration_s,
                                   bool layered,
                                   std::vector<ChunkInfo> chunks,
                                   const std::string& where = "");

    /// Writes JSON v1; quality that is unknown is an error (the schema requires it).
    std::string ToJson() const;
    void Save(const std::string& path) const;

    /// A profile of `chunk_count` chunks that repeats this one's chunks in order.
    VideoProfile Looped(std::uint32_t chunk_count) const;
    /**
     * The same profile for a client whose decoder is `speed` times as fast as the machine the
     * profile's decode_ms were measured on (a phone below 1, a GPU above): every exit's
     * decode_ms divided by `speed` (CheckClientSpeed first).
     */
    VideoProfile WithClientSpeed(double speed) const;

    const VideoInfo& GetVideo() const;
    const CodecInfo& GetCodec() const;
    bool IsLayered() const;
    double GetChunkDuration_s() const;
    std::uint32_t GetChunkCount() const;
    std::uint32_t GetLevelCount() const;
    std::uint32_t GetExitCount() const; ///< 0 when layers carry no exits
    bool HasQuality() const;            ///< psnr/ssim known (false for Sabre/Pensieve tables)
    const ChunkInfo& GetChunk(std::uint32_t chunk) const;
    double GetChunkDurationOf_s(std::uint32_t chunk) const;
    double GetTotalDuration_s() const;

    /// Bytes to hold level q (1..L) of a chunk: layers 1..q (layered) or representation q.
    std::uint64_t LevelBytes(std::uint32_t chunk, std::uint32_t level) const;
    /// Bytes to go from level `from` (0 = nothing) to level `to` of a chunk.
    std::uint64_t UpgradeBytes(std::uint32_t chunk, std::uint32_t from, std::uint32_t to) const;
    /// Nominal bitrate of level q: the representation's bitrate_bps where given, else the mean
    /// over chunks of the level's bytes * 8 / duration.
    double NominalBitrate_bps(std::uint32_t level) const;
    /// The layer entry of level q of a chunk (q in 1..L).
    const LayerInfo& Level(std::uint32_t chunk, std::uint32_t level) const;

  private:
    VideoProfile() = default;
    void Validate(const std::string& where);

    VideoInfo m_video;
    CodecInfo m_codec;
    double m_chunk_duration_s = 0;
    bool m_layered = false;
    std::uint32_t m_exit_count = 0;
    bool m_has_quality = true;
    std::vector<ChunkInfo> m_chunks;
    std::vector<std::vector<std::uint64_t>> m_level_bytes; ///< [chunk][level-1]
    std::vector<double> m_nominal_bps;                     ///< [level-1]

    friend class VideoProfileReader;
};

} // namespace ns3

#endif // LAYERED_VIDEO_VIDEO_PROFILE_H
