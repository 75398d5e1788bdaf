#include <iostream>
#include "vouch/api.hpp"
int main() { std::cout << vouch::version_json() << "\n"; }
