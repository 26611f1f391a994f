#include "layered-video-server-helper.h"

#include "ns3/abort.h"
#include "ns3/layered-video-server.h"
#include "ns3/uinteger.h"
#include "ns3/video-profile.h"

#include <exception>

namespace ns3
{

LayeredVideoServerHelper::LayeredVideoServerHelper(const std::string& profilePath, uint16_t port)
{
    m_factory.SetTypeId(LayeredVideoServer::GetTypeId());
    m_factory.Set("Port", UintegerValue(port));
    std::string error; // reported outside the handler: no 'terminate called' noise
    try
    {
        m_profile = std::make_shared<const VideoProfile>(VideoProfile::Load(profilePath));
    }
    catch (const std::exception& e)
    {
        error = e.what();
    }
    NS_ABORT_MSG_IF(!error.empty(), "LayeredVideoServerHelper: " << error);
}

LayeredVideoServerHelper::LayeredVideoServerHelper(std::shared_ptr<const VideoProfile> profile,
                                                   uint16_t port)
    : m_profile(std::move(profile))
{
    NS_ABORT_MSG_IF(!m_profile, "LayeredVideoServerHelper: no profile");
    m_factory.SetTypeId(LayeredVideoServer::GetTypeId());
    m_factory.Set("Port", UintegerValue(port));
}

void
LayeredVideoServerHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
LayeredVideoServerHelper::Install(Ptr<Node> node) const
{
    Ptr<LayeredVideoServer> server = m_factory.Create<LayeredVideoServer>();
    server->SetProfile(m_profile);
    node->AddApplication(server);
    return ApplicationContainer(server);
}

ApplicationContainer
LayeredVideoServerHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
