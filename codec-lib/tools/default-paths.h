// Where lvc finds its shipped weights and the shared data folder by default: absolute paths the
// build gives (codec-lib/CMakeLists.txt), so that lvc runs from any directory.
#ifndef LVC_TOOLS_DEFAULT_PATHS_H
#define LVC_TOOLS_DEFAULT_PATHS_H

#ifndef LVC_DEFAULT_WEIGHTS
#define LVC_DEFAULT_WEIGHTS "codec-lib/weights/lvc-intra-k6.safetensors"
#endif

#ifndef LVC_DEFAULT_RESTORE_WEIGHTS
#define LVC_DEFAULT_RESTORE_WEIGHTS "codec-lib/weights/lvc-restore.safetensors"
#endif

#ifndef LVC_DEFAULT_SHARED_DIR
#define LVC_DEFAULT_SHARED_DIR "../shared"
#endif

#endif // LVC_TOOLS_DEFAULT_PATHS_H
