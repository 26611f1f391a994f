#ifndef LAYERED_VIDEO_LAYERED_VIDEO_CLIENT_HELPER_H
#define LAYERED_VIDEO_LAYERED_VIDEO_CLIENT_HELPER_H

#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <memory>
#include <string>

namespace ns3
{

class VideoProfile;

/**
 * \ingroup layered-video
 * \brief Installs LayeredVideoClient applications; every client installed shares one profile.
 *
 *     LayeredVideoClientHelper client(serverAddress, 80, profile);
 *     client.SetAttribute("Abr", StringValue("robust-mpc"));
 *     ApplicationContainer apps = client.Install(clientNode);
 */
class LayeredVideoClientHelper
{
  public:
    /// Clients of the server at (address, port) playing this profile (read once).
    LayeredVideoClientHelper(const Address& server, uint16_t port, const std::string& profilePath);
    LayeredVideoClientHelper(const Address& server,
                             uint16_t port,
                             std::shared_ptr<const VideoProfile> profile);

    /// Sets an attribute of the clients to install (Abr, BufferCap, ChunkLogPath, ...).
    void SetAttribute(const std::string& name, const AttributeValue& value);

    ApplicationContainer Install(Ptr<Node> node) const;
    ApplicationContainer Install(NodeContainer nodes) const;

    /**
     * Fixes the random streams of the LayeredVideoClients on these nodes (Swift's capacity
     * draws); returns the number of streams used.
     */
    static int64_t AssignStreams(NodeContainer nodes, int64_t stream);

  private:
    ObjectFactory m_factory;
    std::shared_ptr<const VideoProfile> m_profile;
};

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_VIDEO_CLIENT_HELPER_H
