// Signup: checks the town's address while it is typed and says the answer in the status line
// below the field (announced by screen readers). The server checks again on submit.
(() => {
  const field = document.querySelector('[data-slug-check]');
  const input = field?.querySelector('input');
  const status = field?.querySelector('[role=status]');
  if (!field || !input || !status) return;
  let timer = 0;
  let asked = '';
  const check = async () => {
    const slug = input.value.trim().toLowerCase();
    if (slug.length < 3 || slug === asked) return;
    asked = slug;
    try {
      const response = await fetch(`${field.dataset.slugCheck}&slug=${encodeURIComponent(slug)}`, { headers: { Accept: 'application/json' } });
      if (!response.ok || input.value.trim().toLowerCase() !== slug) return;
      const answer = await response.json();
      status.textContent = answer.message;
      status.classList.toggle('form-error', !answer.available);
    } catch {
      status.textContent = '';
    }
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 400); });
  input.addEventListener('blur', check);
})();
