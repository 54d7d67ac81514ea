// "跳到主要内容": the first stop of the Tab key, hidden until focused, so keyboard users can pass the header and
// the navigation in one step.
import { useState, type CSSProperties } from 'react';
import { theme } from 'antd';

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

export function SkipLink({ targetId, label }: { targetId: string; label: string }) {
  const { token } = theme.useToken();
  const [focused, setFocused] = useState(false);
  const shown: CSSProperties = {
    position: 'fixed',
    top: 8,
    left: 8,
    zIndex: 1100,
    padding: '8px 16px',
    background: token.colorBgContainer,
    border: `2px solid ${token.colorPrimary}`,
    borderRadius: token.borderRadius,
  };
  return (
    <a
      href={`#${targetId}`}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault(); // the router owns the address; move the focus instead
        document.getElementById(targetId)?.focus();
      }}
      style={focused ? shown : HIDDEN}
    >
      {label}
    </a>
  );
}
