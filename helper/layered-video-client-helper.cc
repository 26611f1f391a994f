#include "layered-video-client-helper.h"

#include "ns3/abort.h"
#include "ns3/layered-video-client.h"
#include "ns3/uinteger.h"
#include "ns3/video-profile.h"

#include <exception>

namespace ns3
{

LayeredVideoClientHelper::LayeredVideoClientHelper(const Address& server,
                                                   uint16_t port,
                                                   const std::string& profilePath)
{
    std::string error; // reported outside the handler: no 'terminate called' noise
    try
    {
        m_profile = std::make_shared<const VideoProfile>(VideoProfile::Load(profilePath));
    }
    catch (const std::exception& e)
    {
        error = e.what();
    }
    NS_ABORT_MSG_IF(!error.empty(), "LayeredVideoClientHelper: " << error);
    m_factory.SetTypeId(LayeredVideoClient::GetTypeId());
    m_factory.Set("RemoteAddress", AddressValue(server));
    m_factory.Set("RemotePort", UintegerValue(port));
}

LayeredVideoClientHelper::LayeredVideoClientHelper(const Address& server,
                                                   uint16_t port,
                                                   std::shared_ptr<const VideoProfile> profile)
    : m_profile(std::move(profile))
{
    NS_ABORT_MSG_IF(!m_profile, "LayeredVideoClientHelper: no profile");
    m_factory.SetTypeId(LayeredVideoClient::GetTypeId());
    m_factory.Set("RemoteAddress", AddressValue(server));
    m_factory.Set("RemotePort", UintegerValue(port));
}

void
LayeredVideoClientHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
LayeredVideoClientHelper::Install(Ptr<Node> node) const
{
    Ptr<LayeredVideoClient> client = m_factory.Create<LayeredVideoClient>();
    client->SetProfile(m_profile);
    node->AddApplication(client);
    return ApplicationContainer(client);
}

ApplicationContainer
LayeredVideoClientHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

int64_t
LayeredVideoClientHelper::AssignStreams(NodeContainer nodes, int64_t stream)
{
    int64_t used = 0;
    for (auto node = nodes.Begin(); node != nodes.End(); ++node)
    {
        for (uint32_t i = 0; i < (*node)->GetNApplications(); ++i)
        {
            if (auto client = DynamicCast<LayeredVideoClient>((*node)->GetApplication(i)))
            {
                used += client->AssignStreams(stream + used);
            }
        }
    }
    return used;
}

} // namespace ns3
