fn main() {
    python_architect_quiz::start_first_quiz();
}
