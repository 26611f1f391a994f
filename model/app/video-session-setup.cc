#include "video-session-setup.h"

#include "ns3/input-error.h"
#include "ns3/learned-abr.h"
#include "ns3/session-log.h"

#include <filesystem>
#include <fstream>

namespace ns3
{

namespace
{
/// Generated compute capacity outlasts the video by this much (as the chunk-level batch does).
constexpr double kCapacityExtra_s = 600;
const char* const kSwift = "swift";
} // namespace

VideoSessionSetup::VideoSessionSetup() = default;

VideoSessionSetup::~VideoSessionSetup()
{
    m_session.reset(); // before what it refers to
}

void
VideoSessionSetup::LoadProfile(const std::string& path)
{
    SetProfile(std::make_shared<const VideoProfile>(VideoProfile::Load(path)));
}

void
VideoSessionSetup::SetProfile(std::shared_ptr<const VideoProfile> profile)
{
    if (!profile)
    {
        throw InputError::AtField("session", "profile", "no profile given");
    }
    m_baseProfile = std::move(profile);
    ApplyChunks();
}

void
VideoSessionSetup::SetChunks(uint32_t chunks)
{
    m_chunks = chunks;
    ApplyChunks();
}

void
VideoSessionSetup::ApplyChunks()
{
    if (!m_baseProfile)
    {
        return;
    }
    m_session.reset(); // it refers to the profile it was built with
    m_profile = m_chunks == 0 || m_chunks == m_baseProfile->GetChunkCount()
                    ? m_baseProfile
                    : std::make_shared<const VideoProfile>(m_baseProfile->Looped(m_chunks));
    if (m_clientSpeed != 1)
    {
        m_profile = std::make_shared<const VideoProfile>(m_profile->WithClientSpeed(m_clientSpeed));
    }
}

void
VideoSessionSetup::SetClientSpeed(double speed)
{
    CheckClientSpeed(speed, "session");
    m_clientSpeed = speed;
    ApplyChunks();
}

std::shared_ptr<const VideoProfile>
VideoSessionSetup::GetProfile() const
{
    return m_profile;
}

void
VideoSessionSetup::SetAbr(const std::string& name)
{
    if (name != kLearnedAbrName) // "learned" alone: its policy may be set later (Create checks)
    {
        CreateAbr(name, m_abrOptions); // throws InputError for an unknown name or a bad policy
    }
    m_abrName = name;
}

const std::string&
VideoSessionSetup::GetAbr() const
{
    return m_abrName;
}

void
VideoSessionSetup::SetPolicyPath(const std::string& path)
{
    if (!path.empty())
    {
        LearnedAbr check(path); // throws InputError naming the file and field
    }
    m_abrOptions.policy_path = path;
}

const std::string&
VideoSessionSetup::GetPolicyPath() const
{
    return m_abrOptions.policy_path;
}

void
VideoSessionSetup::SetCapacity(const std::string& spec)
{
    m_capacitySpec = spec;
    m_capacity.reset();
    if (!spec.empty() && spec != kSwift)
    {
        m_capacity = std::make_shared<const ComputeCapacity>(ComputeCapacity::Load(spec));
    }
}

void
VideoSessionSetup::SetCapacity(std::shared_ptr<const ComputeCapacity> capacity)
{
    if (!capacity)
    {
        throw InputError::AtField("session", "capacity", "no capacity trace given");
    }
    m_capacitySpec.clear();
    m_capacity = std::move(capacity);
}

void
VideoSessionSetup::SetQoe(const QoeParams& params)
{
    m_qoeParams = params;
}

void
VideoSessionSetup::SetSessionConfig(const SessionConfig& config)
{
    m_config = config;
}

StreamingSession&
VideoSessionSetup::Create(uint64_t seed)
{
    if (!m_profile)
    {
        throw InputError::AtField("session", "profile", "no video profile given");
    }
    m_session.reset();
    if (m_capacitySpec == kSwift)
    {
        m_capacity = std::make_shared<const ComputeCapacity>(
            ComputeCapacity::GenerateSwift(m_profile->GetTotalDuration_s() + kCapacityExtra_s,
                                           seed));
    }
    else if (!m_capacity)
    {
        m_capacity = std::make_shared<const ComputeCapacity>();
    }
    m_qoe = std::make_unique<QoeModel>(*m_profile, m_qoeParams);
    m_abr = CreateAbr(m_abrName, m_abrOptions);
    m_abr->CheckProfile(*m_profile); // a policy for other content stops here
    m_session =
        std::make_unique<StreamingSession>(*m_profile, *m_abr, *m_capacity, *m_qoe, m_config);
    return *m_session;
}

StreamingSession*
VideoSessionSetup::GetSession() const
{
    return m_session.get();
}

const QoeModel*
VideoSessionSetup::GetQoeModel() const
{
    return m_qoe.get();
}

void
VideoSessionSetup::WriteLogs(const std::string& chunkLogPath,
                             const std::string& summaryPath,
                             const std::map<std::string, std::string>& meta) const
{
    if (!m_session)
    {
        return;
    }
    auto open = [](const std::string& path, std::ofstream& out) {
        std::filesystem::path parent = std::filesystem::path(path).parent_path();
        std::error_code ignored; // a folder that cannot be made shows as a file that cannot
        if (!parent.empty())
        {
            std::filesystem::create_directories(parent, ignored);
        }
        out.open(path);
        if (!out)
        {
            throw InputError::InFile(path, "cannot write");
        }
    };
    if (!chunkLogPath.empty())
    {
        std::ofstream csv;
        open(chunkLogPath, csv);
        WriteChunkLog(csv, *m_session);
    }
    if (!summaryPath.empty())
    {
        std::ofstream json;
        open(summaryPath, json);
        WriteSessionSummary(json, m_session->Summary(), *m_qoe, meta);
    }
}

} // namespace ns3
