#ifndef LAYERED_VIDEO_VIDEO_SESSION_SETUP_H
#define LAYERED_VIDEO_VIDEO_SESSION_SETUP_H

#include "ns3/abr-algorithm.h"
#include "ns3/compute-capacity.h"
#include "ns3/qoe.h"
#include "ns3/streaming-session.h"
#include "ns3/video-profile.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace ns3
{

/**
 * \ingroup layered-video
 * \brief What a streaming session is made of (profile, ABR, compute capacity, QoE weights,
 * buffer settings), checked as each setting is given, and the session built from it.
 *
 * The ns-3 client keeps its attributes here so that every bad value is reported when it is
 * set (each setter throws InputError naming the setting), and so that the objects the session
 * refers to live as long as it does.
 */
class VideoSessionSetup
{
  public:
    VideoSessionSetup();
    ~VideoSessionSetup();

    /// Reads a profile (JSON v1, Sabre manifest or Pensieve folder).
    void LoadProfile(const std::string& path);
    void SetProfile(std::shared_ptr<const VideoProfile> profile);
    /// Session length in chunks (the profile repeats); 0: the profile's own.
    void SetChunks(uint32_t chunks);
    /// The client decodes `speed` times as fast as the profiled machine (VideoProfile::
    /// WithClientSpeed); 1: as profiled.
    void SetClientSpeed(double speed);
    /// The profile as played (after SetChunks); null before one is given.
    std::shared_ptr<const VideoProfile> GetProfile() const;

    /// An ABR by name (CreateAbr's names; "learned" takes its policy from SetPolicyPath).
    void SetAbr(const std::string& name);
    const std::string& GetAbr() const;
    /// The learned ABR's policy file, read and checked now ("": none).
    void SetPolicyPath(const std::string& path);
    const std::string& GetPolicyPath() const;
    /// "" (always full), "swift" (Swift's generator, seeded at Create) or a CSV file to read.
    void SetCapacity(const std::string& spec);
    void SetCapacity(std::shared_ptr<const ComputeCapacity> capacity);
    void SetQoe(const QoeParams& params);
    void SetSessionConfig(const SessionConfig& config);

    /**
     * Builds the session (replacing any earlier one). `seed` seeds Swift's capacity generator.
     * Throws (InputError, std::invalid_argument) when the settings do not make a session.
     */
    StreamingSession& Create(uint64_t seed);
    StreamingSession* GetSession() const;
    const QoeModel* GetQoeModel() const;

    /**
     * Writes the session's per-chunk CSV and summary JSON (DESIGN.md) where paths are given
     * (non-empty), creating folders; `meta` goes into the summary. Throws InputError when a
     * file cannot be written.
     */
    void WriteLogs(const std::string& chunkLogPath,
                   const std::string& summaryPath,
                   const std::map<std::string, std::string>& meta) const;

  private:
    void ApplyChunks();

    std::shared_ptr<const VideoProfile> m_baseProfile;
    std::shared_ptr<const VideoProfile> m_profile;
    uint32_t m_chunks = 0;
    double m_clientSpeed = 1;
    std::string m_abrName = "bba";
    AbrOptions m_abrOptions;
    std::string m_capacitySpec;
    std::shared_ptr<const ComputeCapacity> m_capacity;
    QoeParams m_qoeParams;
    SessionConfig m_config;

    std::unique_ptr<AbrAlgorithm> m_abr;
    std::unique_ptr<QoeModel> m_qoe;
    std::unique_ptr<StreamingSession> m_session;
};

} // namespace ns3

#endif // LAYERED_VIDEO_VIDEO_SESSION_SETUP_H
