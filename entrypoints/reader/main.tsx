import { render } from 'preact';
import { Reader } from './Reader';
import 'pdfjs-dist/web/pdf_viewer.css';
import '../../components/ui.css';
import '../../utils/dom/mark.css';
import './reader.css';

document.documentElement.lang = navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
render(<Reader />, document.getElementById('app') as HTMLElement);
