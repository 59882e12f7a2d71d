#include <iostream>
int main() { std::cout << "breachscope\n"; return 0; }
