#include "src/plan/profile.h"

namespace asanasim {

const Profile& DefaultProfile() {
  static const Profile kProfile;
  return kProfile;
}

}  // namespace asanasim
