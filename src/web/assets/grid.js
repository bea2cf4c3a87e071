// The values grid, checked as it is typed: the same rules as the server (plain numbers only; blank is
// "not available"), with the message beside the cell. The server checks again; this only saves a round trip.
/* global document */
const PLAIN = /^-?(\d+\.?\d*|\.\d+)$/;

function problem(text) {
  const t = text.trim();
  if (t === '' || PLAIN.test(t)) return '';
  if (/^£?-?\d{1,3}([, ]\d{3})+(\.\d+)?%?$/.test(t)) return `Remove the thousands separators: enter ${t.replace(/[,\s£%]/g, '')}`;
  if (/%$/.test(t) && PLAIN.test(t.slice(0, -1).trim())) return `Leave out the percent sign: enter ${t.slice(0, -1).trim()}`;
  if (/^£/.test(t) && PLAIN.test(t.slice(1))) return `Leave out the £ sign: enter ${t.slice(1)}`;
  return 'Enter a number such as 42 or 3.5, or leave the cell blank';
}

for (const input of document.querySelectorAll('[data-grid-cell]')) {
  const message = document.getElementById(`${input.id}-error`);
  const group = input.closest('.govuk-form-group');
  input.addEventListener('input', () => {
    const text = problem(input.value);
    // Only clear or set this cell's own message; the server's summary stays until the next save.
    if (!message) return;
    message.hidden = text === '';
    message.textContent = '';
    if (text) {
      const hidden = document.createElement('span');
      hidden.className = 'govuk-visually-hidden';
      hidden.textContent = 'Error: ';
      message.append(hidden, text);
    }
    group?.classList.toggle('govuk-form-group--error', text !== '');
    input.classList.toggle('govuk-input--error', text !== '');
  });
}
