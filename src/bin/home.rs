fn main() {
    python_architect_quiz::start_home();
}
