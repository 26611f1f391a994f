// Safetensors files for codec-lib: the module's reader and writer (model/common), named in lvc.
#ifndef LVC_WEIGHTS_SAFETENSORS_H
#define LVC_WEIGHTS_SAFETENSORS_H

#include "weights/sha256.h"

#include "ns3/safetensors-file.h"

namespace lvc
{

using ns3::DtypeSize;
using ns3::ReadFileBytes;
using ns3::SafeTensor;
using ns3::SafetensorsFile;

} // namespace lvc

#endif // LVC_WEIGHTS_SAFETENSORS_H
