// The app shell: header and the four places.
export function App() {
  return (
    <main>
      <h1>Digit Lab</h1>
    </main>
  );
}
