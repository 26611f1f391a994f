#ifndef LAYERED_VIDEO_LAYERED_VIDEO_SERVER_HELPER_H
#define LAYERED_VIDEO_LAYERED_VIDEO_SERVER_HELPER_H

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
 * \brief Installs LayeredVideoServer applications; every server installed shares one profile.
 */
class LayeredVideoServerHelper
{
  public:
    /// Servers on this port serving this profile (read once; a bad file stops with its name).
    LayeredVideoServerHelper(const std::string& profilePath, uint16_t port = 80);
    /// Servers on this port serving this profile.
    LayeredVideoServerHelper(std::shared_ptr<const VideoProfile> profile, uint16_t port = 80);

    /// Sets an attribute of the servers to install (Port, Chunks, SegmentSize).
    void SetAttribute(const std::string& name, const AttributeValue& value);

    ApplicationContainer Install(Ptr<Node> node) const;
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory;
    std::shared_ptr<const VideoProfile> m_profile;
};

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_VIDEO_SERVER_HELPER_H
